using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// A hash of everything one output file is rendered from: the dependency record of incremental
/// builds. Two builds that give a file the same inputs give it the same bytes, so serve mode
/// re-renders only the files whose inputs changed. Every value the renderer reads for a file
/// must be added here, or an edit to it would leave the file stale.
/// </summary>
public sealed class RenderInputs
{
    private readonly XxHash128 _hash = new();

    public RenderInputs Add(string text)
    {
        Add(text.Length);
        _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    public RenderInputs Add(ReadOnlySpan<byte> bytes)
    {
        Add(bytes.Length);
        _hash.Append(bytes);
        return this;
    }

    public RenderInputs Add(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        MemoryMarshal.Write(bytes, in value);
        _hash.Append(bytes);
        return this;
    }

    public RenderInputs Add(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        MemoryMarshal.Write(bytes, in value);
        _hash.Append(bytes);
        return this;
    }

    /// <summary>Adds a view-model value by its JSON form, which covers every field it has.</summary>
    public RenderInputs AddJson<T>(T value) => Add(JsonSerializer.Serialize(value));

    public UInt128 Hash => _hash.GetCurrentHashAsUInt128();

    public static UInt128 Of(string text) => new RenderInputs().Add(text).Hash;
}
