using System.Reflection;
using System.Reflection.Emit;
using PublicEdu.Generator.Build;

namespace PublicEdu.Tests.Build;

/// <summary>
/// Imports only go downward: no namespace of the generator uses a namespace that uses it back.
/// The graph is read from the compiled assembly, not from <c>using</c> lines, so a fully
/// qualified name (<c>SelfChecks.ExemptionRules</c>) or a type used only inside a method body
/// counts too. Run <c>dotnet test --filter NamespaceDependencyTests</c>; a failure names each cycle.
/// </summary>
public class NamespaceDependencyTests
{
    private const string Root = "PublicEdu.Generator";

    private static readonly Lazy<Dictionary<string, SortedSet<string>>> Graph = new(Build);

    [Fact]
    public void No_namespace_uses_a_namespace_that_uses_it_back()
    {
        var cycles = StronglyConnected(Graph.Value).Where(c => c.Count > 1).ToList();
        var report = string.Join("\n", cycles.Select(c => string.Join(" ↔ ", c.Select(Short)) + "\n" + string.Join("\n",
            c.SelectMany(from => Graph.Value[from].Where(c.Contains).Select(to => $"    {Short(from)} → {Short(to)}: {string.Join(", ", Uses(from, to).Take(3))}")))));
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + report);
    }

    [Fact]
    public void The_graph_is_read_from_the_assembly()
    {
        // Guards the reader: these edges exist today and must be seen.
        Assert.Contains($"{Root}.Content", Graph.Value[$"{Root}.Build"]);
        Assert.Contains($"{Root}.Diagnostics", Graph.Value[$"{Root}.Content"]);
        Assert.True(Graph.Value.Count >= 12, string.Join(", ", Graph.Value.Keys));
    }

    /// <summary>The theme's view models are for Render to fill; what the content says is the generator's own.</summary>
    [Fact]
    public void Only_rendering_uses_the_theme()
    {
        var users = Graph.Value.Where(n => n.Value.Any(t => t.StartsWith("PublicEdu.Theme", StringComparison.Ordinal))).Select(n => Short(n.Key)).Order().ToList();
        Assert.Equal(["Rendering"], users);
    }

    private static string Short(string ns) => ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..] : ns;

    private static readonly Dictionary<(string, string), SortedSet<string>> Evidence = [];

    private static IEnumerable<string> Uses(string from, string to) => Evidence.GetValueOrDefault((from, to)) ?? [];

    private static Dictionary<string, SortedSet<string>> Build()
    {
        var assembly = typeof(SiteBuilder).Assembly;
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from is null || !from.StartsWith(Root, StringComparison.Ordinal)) continue;
            var edges = graph.TryGetValue(from, out var set) ? set : graph[from] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var used in ReferencedTypes(type))
            {
                var to = NamespaceOf(used);
                if (to is null || to == from || !(to.StartsWith(Root, StringComparison.Ordinal) || to.StartsWith("PublicEdu.Theme", StringComparison.Ordinal))) continue;
                edges.Add(to);
                lock (Evidence)
                {
                    if (!Evidence.TryGetValue((from, to), out var why)) Evidence[(from, to)] = why = new SortedSet<string>(StringComparer.Ordinal);
                    why.Add($"{Outer(type).Name} uses {Outer(used).Name}");
                }
            }
        }
        return graph;
    }

    private static Type Outer(Type type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static string? NamespaceOf(Type type)
    {
        if (type.HasElementType) return NamespaceOf(type.GetElementType()!);
        return Outer(type).Namespace;
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType && !t.IsGenericTypeDefinition) foreach (var arg in t.GetGenericArguments()) Add(arg);
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(All)) Add(f.FieldType);
        foreach (var p in type.GetProperties(All)) Add(p.PropertyType);
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info) Add(info.ReturnType);
            foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType);
            foreach (var t in TypesInBody(method)) Add(t);
        }
        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The types a method body names: what it calls, constructs, reads, casts to or loads a token of.</summary>
    private static IEnumerable<Type> TypesInBody(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception) { yield break; }
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out var op)) yield break;
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member = null;
                    try { member = method.Module.ResolveMember(token, typeArgs, methodArgs); }
                    catch (Exception) { }
                    switch (member)
                    {
                        case Type t: yield return t; break;
                        case FieldInfo f: yield return f.DeclaringType!; yield return f.FieldType; break;
                        case MethodBase m:
                            yield return m.DeclaringType!;
                            if (m is MethodInfo { IsGenericMethod: true } g) foreach (var arg in g.GetGenericArguments()) yield return arg;
                            break;
                    }
                    i += 4;
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                default: i += 4; break;
            }
        }
    }

    /// <summary>Tarjan's algorithm: the groups of namespaces that can each reach every other.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, SortedSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!graph.ContainsKey(w)) continue;
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var group = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); group.Add(x); } while (x != v);
            group.Sort(StringComparer.Ordinal);
            result.Add(group);
        }
        foreach (var v in graph.Keys.Order(StringComparer.Ordinal)) if (!index.ContainsKey(v)) Visit(v);
        return result;
    }
}
