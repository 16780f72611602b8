using System.Globalization;
using PublicEdu.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PublicEdu.Generator.Content;

/// <summary>
/// Reads typed values out of a YAML mapping and reports problems with the line and column of
/// the offending node in the original file. We read the node tree instead of deserialising into
/// classes so that a wrong type or an unknown key points at the exact place, in Chinese.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;

    public YamlMap(YamlMappingNode node, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        _node = node;
        _path = path;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
    }

    public int Line => (int)_node.Start.Line + _lineOffset;

    /// <summary>Parses YAML text; returns null (after reporting) when it is not a mapping.</summary>
    public static YamlMap? Parse(string yaml, string path, int lineOffset, DiagnosticBag diagnostics, string syntaxCode)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException is YamlException i ? i : ex;
            // An unclosed [ or " is reported where the scanner gave up, often the end; the
            // author needs the line where it was opened.
            var line = (int)inner.Start.Line;
            if (UnclosedLine(yaml) is { } open && open < line) line = open;
            var lines = yaml.Split('\n');
            var hint = line >= 1 && line <= lines.Length && lines[line - 1].Contains('：')
                ? "这一行用了中文冒号“：”，键后面要用英文冒号加一个空格。"
                : "请检查这一行的缩进、冒号后的空格和引号是否成对。";
            diagnostics.Error(path, line + lineOffset, (int)inner.Start.Column, syntaxCode,
                $"YAML 格式有误：{Simplify(inner.Message)}。{hint}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow
            // collections; point at the line where a bracket or quote is left open.
            var line = UnclosedLine(yaml) ?? 1;
            diagnostics.Error(path, line + lineOffset, 1, syntaxCode,
                "YAML 格式有误：方括号 [ ]、花括号 { } 或引号没有成对闭合。请检查这一行。");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return new YamlMap(new YamlMappingNode(), path, lineOffset, diagnostics);
        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            var root = stream.Documents[0].RootNode;
            var fullWidth = yaml.Contains('：');
            diagnostics.Error(path, (int)root.Start.Line + lineOffset, (int)root.Start.Column, syntaxCode,
                fullWidth
                    ? "这里应是“键: 值”形式的设置，但用了中文冒号“：”。请把键后面的冒号改成英文冒号加一个空格，例如 title: 页面标题。"
                    : "这里应是“键: 值”形式的设置，每行一项，例如 title: 页面标题。");
            return null;
        }
        return new YamlMap(map, path, lineOffset, diagnostics);
    }

    private static int? UnclosedLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            if (l.Count(c => c == '[') != l.Count(c => c == ']') || l.Count(c => c == '{') != l.Count(c => c == '}')
                || l.Count(c => c == '"') % 2 == 1)
                return i + 1;
        }
        return null;
    }

    private static string Simplify(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line …): "; the position is already in the diagnostic.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (i >= 0 ? message[(i + 3)..] : message).TrimEnd('.');
    }

    public void ReportUnknownKeys(IReadOnlyCollection<string> known)
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
                Warn(key, DiagnosticCodes.UnknownField,
                    $"不认识的设置“{name}”，它会被忽略。可用的设置有：{string.Join("、", known)}。请检查拼写。");
        }
    }

    private YamlNode? Find(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public bool Has(string key) => Find(key) is not null and not YamlScalarNode { Value: null or "" };

    public (int Line, int Column) PositionOf(string key)
    {
        foreach (var (k, _) in _node.Children)
            if ((k as YamlScalarNode)?.Value == key)
                return ((int)k.Start.Line + _lineOffset, (int)k.Start.Column);
        return (Line, 1);
    }

    public string? String(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null || node is YamlScalarNode { Value: null } || (node is YamlScalarNode s0 && s0.Style == ScalarStyle.Plain && s0.Value == "~"))
        {
            if (required)
            {
                var (line, col) = node is null ? (Line, 1) : ((int)node.Start.Line + _lineOffset, (int)node.Start.Column);
                _diagnostics.Error(_path, line, col, DiagnosticCodes.RequiredFieldMissing,
                    $"缺少必填项“{key}”。请补上一行，例如 {key}: ……");
            }
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            Error(node, DiagnosticCodes.FieldWrongType, $"“{key}”应是一段文字，而不是列表或多项设置。");
            return null;
        }
        var value = scalar.Value!.Trim();
        if (required && value.Length == 0)
        {
            Error(node, DiagnosticCodes.RequiredFieldMissing, $"必填项“{key}”是空的，请填写内容。");
            return null;
        }
        return value;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        if (text is null) return null;
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on": return true;
            case "false" or "no" or "off": return false;
            default:
                Error(Find(key)!, DiagnosticCodes.FieldWrongType, $"“{key}”只能是 true 或 false，这里写的是“{text}”。");
                return null;
        }
    }

    public int? Int(string key)
    {
        var text = String(key);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        Error(Find(key)!, DiagnosticCodes.FieldWrongType, $"“{key}”应是一个整数（阿拉伯数字），这里写的是“{text}”。");
        return null;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Error(Find(key)!, DiagnosticCodes.InvalidDate, $"“{key}”的日期“{text}”无法识别。请写成 2026-11-28 这样的“年-月-日”格式。");
        return null;
    }

    public IReadOnlyList<string> StringList(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null or YamlScalarNode { Value: null or "" }:
                return [];
            // Only a one-line list ([甲，乙]) can have been meant as several items; a "- " list item is one item whatever it holds.
            case YamlScalarNode or YamlSequenceNode { Style: not YamlDotNet.Core.Events.SequenceStyle.Block } when (node is YamlScalarNode s ? [s] : ((YamlSequenceNode)node).Children.OfType<YamlScalarNode>())
                    .FirstOrDefault(item => item.Value?.Contains('，') == true) is { } joined:
                Warn(joined, DiagnosticCodes.FieldWrongType, $"“{key}”里的“{joined.Value}”用了中文逗号“，”，会被当成一项。列表里请用英文逗号分隔，例如 [消防, 疏散]。");
                return node is YamlSequenceNode joinedList ? joinedList.Children.OfType<YamlScalarNode>().Select(i => i.Value!.Trim()).ToList() : [joined.Value!.Trim()];
            case YamlScalarNode scalar:
                // "tags: 消防" is a common slip for a one-item list; accept it.
                return [scalar.Value!.Trim()];
            case YamlSequenceNode seq:
                var list = new List<string>();
                foreach (var item in seq)
                {
                    if (item is YamlScalarNode { Value: { } v } && v.Trim().Length > 0) list.Add(v.Trim());
                    else Error(item, DiagnosticCodes.FieldWrongType, $"“{key}”的每一项都应是一段文字。");
                }
                return list;
            default:
                Error(node, DiagnosticCodes.FieldWrongType, $"“{key}”应是一个列表，例如 {key}: [甲, 乙]。");
                return [];
        }
    }

    public IReadOnlyList<YamlMap> MapList(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null or YamlScalarNode { Value: null or "" }:
                return [];
            case YamlSequenceNode seq:
                var list = new List<YamlMap>();
                foreach (var item in seq)
                {
                    if (item is YamlMappingNode m) list.Add(new YamlMap(m, _path, _lineOffset, _diagnostics));
                    else Error(item, DiagnosticCodes.FieldWrongType, $"“{key}”的每一项都应是“键: 值”形式的设置。");
                }
                return list;
            default:
                Error(node, DiagnosticCodes.FieldWrongType, $"“{key}”应是一个列表，每项以“- ”开头。");
                return [];
        }
    }

    public YamlMap? Map(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null or YamlScalarNode { Value: null or "" }:
                return null;
            case YamlMappingNode m:
                return new YamlMap(m, _path, _lineOffset, _diagnostics);
            default:
                Error(node, DiagnosticCodes.FieldWrongType, $"“{key}”应包含若干“键: 值”设置。");
                return null;
        }
    }

    private void Error(YamlNode node, string code, string message) =>
        _diagnostics.Error(_path, (int)node.Start.Line + _lineOffset, (int)node.Start.Column, code, message);

    private void Warn(YamlNode node, string code, string message) =>
        _diagnostics.Warning(_path, (int)node.Start.Line + _lineOffset, (int)node.Start.Column, code, message);
}
