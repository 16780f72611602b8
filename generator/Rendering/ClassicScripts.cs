using System.Text;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Theme.Layout;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// The classic copies of the theme's modules for file-links builds: every js/x.js becomes
/// js/classic/x.js through <see cref="ClassicScriptConverter"/>. The loader cannot run modules
/// that import each other in a circle (each would wait for the other), so a circle is an error.
/// </summary>
public static class ClassicScripts
{
    /// <summary>Theme modules are the .js files directly in js/; js/classic/ holds classic scripts.</summary>
    public static bool IsModule(string path) =>
        path.StartsWith("js/", StringComparison.Ordinal) && path.EndsWith(".js", StringComparison.Ordinal) && path.IndexOf('/', 3) < 0;

    /// <param name="sources">The theme's files by path in wwwroot, in a fixed order.</param>
    /// <param name="displayPath">How diagnostics name a theme file.</param>
    public static List<(string Path, byte[] Content)> Convert(IReadOnlyList<(string Path, byte[] Content)> sources,
        Func<string, string> displayPath, DiagnosticBag diagnostics)
    {
        var paths = sources.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        var names = sources.Where(s => IsModule(s.Path)).Select(s => s.Path[3..]).ToHashSet(StringComparer.Ordinal);
        var converted = new List<ClassicModule>();
        foreach (var (path, content) in sources.Where(s => IsModule(s.Path)))
        {
            var classic = ScriptTags.ClassicPath(path);
            if (paths.Contains(classic))
            {
                diagnostics.Error(displayPath(classic), 0, 0, DiagnosticCodes.ThemeScriptUnsupported,
                    $"{classic} 和模块 {path} 的改写版同名。{ScriptTags.ClassicFolder} 里的这个位置留给生成器写 {path} 的普通脚本版，请给这个文件换个名字。");
                continue;
            }
            if (ClassicScriptConverter.Convert(path[3..], Encoding.UTF8.GetString(content), names, displayPath(path), diagnostics) is { } module)
                converted.Add(module);
        }
        ReportCircles(converted, displayPath, diagnostics);
        return converted.Select(m => (ScriptTags.ClassicPath("js/" + m.Name), Encoding.UTF8.GetBytes(m.Text))).ToList();
    }

    private static void ReportCircles(List<ClassicModule> modules, Func<string, string> displayPath, DiagnosticBag diagnostics)
    {
        var byName = modules.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        void Visit(ClassicModule module)
        {
            path.Add(module.Name);
            foreach (var import in module.Imports.Where(i => !i.Dynamic))
            {
                var start = path.IndexOf(import.Module);
                if (start >= 0)
                {
                    diagnostics.Error(displayPath("js/" + module.Name), import.Line, import.Column, DiagnosticCodes.ThemeScriptUnsupported,
                        $"模块循环导入：{string.Join(" → ", path.Skip(start).Append(import.Module))}。直接打开本地文件用的网站（build --file-links）加载不了互相导入的模块，请把两边共用的部分移到第三个模块里。");
                }
                else if (!done.Contains(import.Module) && byName.TryGetValue(import.Module, out var next))
                {
                    Visit(next);
                }
            }
            path.RemoveAt(path.Count - 1);
            done.Add(module.Name);
        }

        foreach (var module in modules.Where(m => !done.Contains(m.Name))) Visit(module);
    }
}
