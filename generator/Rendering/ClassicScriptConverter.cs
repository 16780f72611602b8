using System.Text;
using System.Text.RegularExpressions;
using PublicEdu.Generator.Diagnostics;

namespace PublicEdu.Generator.Rendering;

/// <param name="Line">1-based, of the import statement or import() call, for reporting a cycle.</param>
public sealed record ModuleImport(string Module, bool Dynamic, int Line, int Column);

/// <param name="Name">The module's file name in js/ ("search.js"), also its name for the loader.</param>
public sealed record ClassicModule(string Name, string Text, IReadOnlyList<ModuleImport> Imports);

/// <summary>
/// Rewrites one theme ES module as a classic script, for sites opened from disk (publicedu build
/// --file-links): Chromium refuses module scripts and import() from file:// pages, but runs
/// classic scripts. The module becomes
/// <c>PublicEduModules.define("x.js", ["dep.js"], async function (__import, { a, b: c }) { …; return { get f() { return f; } }; })</c>
/// on js/classic/module-loader.js, and import("./x.js") becomes __import("x.js"), which loads the
/// classic copy with a script element and resolves to its exports. The factory is async, so a
/// top-level await waits as it does in a module; exports are getters, so they stay live.
///
/// The rules for theme modules (js/*.js), so that both builds run the same code:
/// <list type="bullet">
/// <item>import { a, b as c } from "./x.js"; and import "./x.js"; at the top level, naming a file in js/;</item>
/// <item>export function, export async function, export class, export const/let/var with one name;</item>
/// <item>import("./x.js") with a string literal;</item>
/// <item>no export default, export { … }, export * / re-exports, import * as, default imports,
/// import.meta, import attributes, and no name __import. Each is a PE0008 error naming the line,
/// never a silently broken script. An imported let is read when the importing module starts.</item>
/// </list>
/// </summary>
public static partial class ClassicScriptConverter
{
    /// <summary>The name dynamic imports are rewritten to; a module may not use it itself.</summary>
    public const string ImportFunction = "__import";

    /// <summary>The global object js/classic/module-loader.js defines.</summary>
    public const string LoaderGlobal = "PublicEduModules";

    private const string Why = "直接打开本地文件用的网站（build --file-links）要把主题脚本改写成普通脚本，这种写法无法安全改写";

    [GeneratedRegex(@"^\./(?<name>[A-Za-z0-9_-][A-Za-z0-9_.-]*\.js)$")]
    private static partial Regex Specifier();

    /// <param name="name">The module's file name in js/.</param>
    /// <param name="modules">The file names of every theme module, which imports may name.</param>
    /// <returns>The classic script, or null when a problem was reported.</returns>
    public static ClassicModule? Convert(string name, string source, IReadOnlySet<string> modules, string displayPath, DiagnosticBag diagnostics) =>
        new Conversion(name, source, modules, displayPath, diagnostics).Run();

    private sealed class Conversion(string name, string source, IReadOnlySet<string> modules, string displayPath, DiagnosticBag diagnostics)
    {
        private IReadOnlyList<JsToken> _tokens = [];
        private readonly List<(int Start, int End, string Text)> _edits = [];
        private readonly List<(ModuleImport Import, string Pattern)> _static = [];
        private readonly List<ModuleImport> _dynamic = [];
        private readonly List<string> _exports = [];
        private bool _failed;

        public ClassicModule? Run()
        {
            var lexed = JsTokenizer.Tokenize(source);
            if (lexed.Error is not null)
            {
                Report(lexed.ErrorOffset, $"读不懂这段 JavaScript：{lexed.Error}。请检查这一行的引号、括号和注释是否成对");
                return null;
            }
            _tokens = lexed.Tokens;
            for (var t = 0; t < _tokens.Count; t++)
            {
                // A property or key named import or export ("a.import", "{ export: 1 }") is no statement.
                if (_tokens[t].Kind != JsTokenKind.Identifier || Is(t - 1, ".") || Is(t - 1, "?.") || Is(t + 1, ":")) continue;
                var word = Text(t);
                if (word == ImportFunction) Fail(t, $"名字 {ImportFunction} 留给 build --file-links 改写 import() 用了，模块里不能再用它。请换一个名字");
                else if (word == "import") t = Import(t);
                else if (word == "export") t = Export(t);
            }
            return _failed ? null : new ClassicModule(name, Assemble(), [.. _static.Select(s => s.Import), .. _dynamic]);
        }

        private string Assemble()
        {
            var text = new StringBuilder("\"use strict\";\n");
            text.Append(LoaderGlobal).Append(".define(\"").Append(name).Append("\", [")
                .AppendJoin(", ", _static.Select(s => $"\"{s.Import.Module}\""))
                .Append("], async function (").Append(ImportFunction);
            foreach (var (_, pattern) in _static) text.Append(", ").Append(pattern);
            text.Append(") {\n");
            var at = 0;
            foreach (var (start, end, replacement) in _edits.OrderBy(e => e.Start))
            {
                text.Append(source, at, start - at).Append(replacement);
                at = end;
            }
            text.Append(source, at, source.Length - at);
            // Getters keep exports live: a module that reassigns an exported let is seen as it is now.
            text.Append("\nreturn {").AppendJoin(",", _exports.Select(e => $" get {e}() {{ return {e}; }}")).Append(" };\n});\n");
            return text.ToString();
        }

        /// <returns>The last token the statement used.</returns>
        private int Import(int t)
        {
            if (Is(t + 1, "(")) return DynamicImport(t);
            if (Is(t + 1, "."))
                return Fail(t, $"不支持 import.meta。{Why}。请从页面取得地址，例如 location 或页面上元素的属性");
            if (_tokens[t].Depth != 0)
                return Fail(t, "import 语句只能写在文件最外层。要在用到时才加载，请写 await import(\"./文件名.js\")");
            if (Is(t + 1, "*"))
                return Fail(t, $"不支持 import * as。{Why}。请写出要用的名字：import {{ 名字1, 名字2 }} from \"./文件名.js\";");
            if (Kind(t + 1) == JsTokenKind.Identifier)
                return Fail(t, $"不支持默认导入（import 名字 from …）。{Why}。请写成 import {{ 名字 }} from \"./文件名.js\";，在那个文件里用 export function 名字 导出");

            var pattern = "{}";
            var specifier = t + 1;
            if (Is(t + 1, "{"))
            {
                var names = new List<string>();
                var k = t + 2;
                while (!Is(k, "}"))
                {
                    if (Kind(k) != JsTokenKind.Identifier) return Malformed(k < _tokens.Count ? k : t);
                    var imported = Text(k);
                    if (imported == "default")
                        return Fail(k, $"不支持导入 default。{Why}。请在那个文件里用 export function 名字 具名导出，再 import {{ 名字 }}");
                    var local = imported;
                    if (Is(k + 1, "as"))
                    {
                        if (Kind(k + 2) != JsTokenKind.Identifier) return Malformed(k + 1);
                        local = Text(k + 2);
                        k += 2;
                    }
                    names.Add(local == imported ? imported : $"{imported}: {local}");
                    k++;
                    if (Is(k, ",")) k++;
                    else if (!Is(k, "}")) return Malformed(k < _tokens.Count ? k : t);
                }
                if (!Is(k + 1, "from")) return Malformed(k);
                pattern = names.Count == 0 ? "{}" : "{ " + string.Join(", ", names) + " }";
                specifier = k + 2;
            }
            if (Kind(specifier) != JsTokenKind.String) return Malformed(specifier < _tokens.Count ? specifier : t);
            var module = Module(specifier);
            if (module is null) return specifier;

            var end = specifier;
            if (Is(end + 1, ";")) end++;
            else if (end + 1 < _tokens.Count && !_tokens[end + 1].NewlineBefore)
                return Is(end + 1, "with") || Is(end + 1, "assert")
                    ? Fail(end + 1, $"不支持导入属性（import … with {{ … }}）。{Why}。主题脚本只导入 js/ 里的 .js 模块，请去掉 with {{ … }} 部分")
                    : Malformed(end + 1);
            var (line, column) = Position(_tokens[t].Start);
            _static.Add((new ModuleImport(module, false, line, column), pattern));
            _edits.Add((_tokens[t].Start, _tokens[end].End, ""));
            return end;
        }

        private int DynamicImport(int t)
        {
            // A method named import, "import(x) { … }", in a class or object literal.
            var close = Matching(t + 1);
            if (close >= 0 && Is(close + 1, "{")) return t;
            if (Kind(t + 2) != JsTokenKind.String || !Is(t + 3, ")"))
                return Fail(t, $"import() 只能写一个字符串参数：import(\"./文件名.js\")。{Why}，因为生成时必须知道它加载哪个文件");
            var module = Module(t + 2);
            if (module is null) return t + 3;
            var (line, column) = Position(_tokens[t].Start);
            _dynamic.Add(new ModuleImport(module, true, line, column));
            _edits.Add((_tokens[t].Start, _tokens[t].End, ImportFunction));
            _edits.Add((_tokens[t + 2].Start, _tokens[t + 2].End, $"\"{module}\""));
            return t + 3;
        }

        private int Export(int t)
        {
            if (_tokens[t].Depth != 0) return Fail(t, "export 只能写在文件最外层");
            var next = t + 1;
            var word = next < _tokens.Count ? Text(next) : "";
            int nameAt;
            switch (word)
            {
                case "default":
                    return Fail(t, $"不支持 export default。{Why}。请具名导出：export function 名字() {{ … }}，导入处写 import {{ 名字 }} from \"./文件名.js\";");
                case "{":
                    return Fail(t, $"不支持 export {{ … }}（包括 export {{ … }} from 转导出）。{Why}。请把 export 直接写在声明前：export function 名字() {{ … }} 或 export const 名字 = …;");
                case "*":
                    return Fail(t, $"不支持 export * 转导出。{Why}。请在用到的文件里直接从原来的模块导入：import {{ 名字 }} from \"./原文件.js\";");
                case "function":
                    nameAt = Is(t + 2, "*") ? t + 3 : t + 2;
                    break;
                case "async" when Is(t + 2, "function"):
                    nameAt = Is(t + 3, "*") ? t + 4 : t + 3;
                    break;
                case "class":
                    nameAt = t + 2;
                    break;
                case "const" or "let" or "var":
                    nameAt = t + 2;
                    if (Is(nameAt, "{") || Is(nameAt, "["))
                        return Fail(nameAt, $"export {word} 后面不能用解构。{Why}。请每个名字单独导出：export {word} 名字 = …;");
                    if (SecondDeclarator(nameAt + 1) is { } comma and >= 0)
                        return Fail(comma, $"一条 export {word} 只能声明一个名字。{Why}。请每个名字单独写一条：export {word} 名字 = …;");
                    break;
                default:
                    Fail(t, $"看不懂 export 后面的写法。{Why}。只支持 export function、export async function、export class 和 export const/let/var 名字 = …;");
                    // What follows export is part of this one problem.
                    return next;
            }
            if (Kind(nameAt) != JsTokenKind.Identifier)
                return Fail(t, $"export 的声明缺少名字。{Why}。请写成 export function 名字() {{ … }} 或 export const 名字 = …;");
            _exports.Add(Text(nameAt));
            _edits.Add((_tokens[t].Start, _tokens[next].Start, ""));
            return next;
        }

        /// <summary>The comma of a second declarator ("export const a = 1, b = 2"), or -1.</summary>
        private int SecondDeclarator(int from)
        {
            for (var j = from; j < _tokens.Count; j++)
            {
                var token = _tokens[j];
                if (token.Depth != 0) continue;
                if (Is(j, ",")) return j;
                if (Is(j, ";")) return -1;
                // Without a semicolon, a new line at the top level most likely starts the next statement.
                if (token.NewlineBefore && j > from) return -1;
            }
            return -1;
        }

        /// <summary>The module a string literal names, or null with a report when it is not "./x.js" for a theme module.</summary>
        private string? Module(int t)
        {
            var literal = Text(t);
            var match = Specifier().Match(literal[1..^1]);
            if (!match.Success)
            {
                Fail(t, $"只能导入主题 js/ 文件夹里的模块，写成 \"./文件名.js\"；{literal} 不是这种写法。{Why}");
                return null;
            }
            var module = match.Groups["name"].Value;
            if (!modules.Contains(module))
            {
                Fail(t, $"找不到要导入的主题模块 {literal}：js/ 文件夹里没有 {module}。请检查文件名");
                return null;
            }
            return module;
        }

        private int Malformed(int t) =>
            Fail(t, $"看不懂这条 import。{Why}。只支持 import {{ 名字1, 名字2 as 别名 }} from \"./文件名.js\"; 和 import \"./文件名.js\";");

        private int Fail(int t, string message)
        {
            Report(_tokens[Math.Min(t, _tokens.Count - 1)].Start, message);
            return t;
        }

        private void Report(int offset, string message)
        {
            _failed = true;
            var (line, column) = Position(offset);
            // A message that ends in an example statement keeps its semicolon as the full stop.
            diagnostics.Error(displayPath, line, column, DiagnosticCodes.ThemeScriptUnsupported, message.EndsWith(';') ? message : message + "。");
        }

        /// <summary>The index of the bracket closing the one at <paramref name="t"/>, or -1.</summary>
        private int Matching(int t)
        {
            for (var j = t + 1; j < _tokens.Count; j++)
                if (_tokens[j].Depth == _tokens[t].Depth && Kind(j) == JsTokenKind.Punctuator) return j;
            return -1;
        }

        /// <summary>1-based line and column; \r\n, \r and \n each end a line.</summary>
        private (int Line, int Column) Position(int offset)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < offset && i < source.Length; i++)
            {
                if (source[i] == '\r' && i + 1 < source.Length && source[i + 1] == '\n') continue;
                if (source[i] is '\n' or '\r')
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            return (line, offset - lineStart + 1);
        }

        private string Text(int t) => source[_tokens[t].Start.._tokens[t].End];

        private bool Is(int t, string text) => t >= 0 && t < _tokens.Count && Text(t) == text && _tokens[t].Kind is JsTokenKind.Identifier or JsTokenKind.Punctuator;

        private JsTokenKind? Kind(int t) => t >= 0 && t < _tokens.Count ? _tokens[t].Kind : null;
    }
}
