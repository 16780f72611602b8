using System.Text;
using PublicEdu.Generator.Diagnostics;

namespace PublicEdu.Generator.Content;

/// <summary>
/// Reads an author's file as strict UTF-8. Authors paste from Word and save from odd editors, so
/// a byte-order mark is dropped and CRLF / CR become LF; anything that is not UTF-8 is reported
/// with the line where the first bad byte sits.
/// </summary>
public static class SourceText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>No page an author writes comes near this; a larger file is a mistake (a pasted export, a log).</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    public static string? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > MaxBytes)
            {
                diagnostics.Error(displayPath, 0, 0, DiagnosticCodes.FileTooLarge,
                    $"文件有 {length / 1024 / 1024} MB，超过了 {MaxBytes / 1024 / 1024} MB 的上限。页面文件不应这么大，请检查是否误粘贴了大段内容，或把内容拆成几个页面。");
                return null;
            }
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(displayPath, 0, 0, DiagnosticCodes.FileUnreadable,
                $"无法读取文件：{ex.Message}。请检查文件是否存在、是否有读取权限。");
            return null;
        }
        return Decode(bytes, displayPath, diagnostics);
    }

    /// <summary>A hash of an author's text, to tell in serve mode whether a file changed.</summary>
    public static UInt128 Hash(string text) =>
        System.IO.Hashing.XxHash128.HashToUInt128(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));

    public static string? Decode(byte[] bytes, string displayPath, DiagnosticBag diagnostics)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        string text;
        try
        {
            text = Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var badIndex = Math.Clamp(ex.Index, 0, bytes.Length);
            var line = 1 + bytes.Take(start + badIndex).Count(b => b == (byte)'\n');
            diagnostics.Error(displayPath, line, 1, DiagnosticCodes.NotUtf8,
                "文件不是 UTF-8 编码（可能是 GBK）。请用编辑器“另存为 UTF-8”后再构建。");
            return null;
        }
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }
}
