using System.Text.RegularExpressions;

namespace PublicEdu.Generator.Cli;

/// <summary>publicedu new: writes a Markdown file whose front matter already builds.</summary>
public static partial class Scaffold
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static int Create(string contentDir, string kind, string slug, string? title, DateOnly today, TextWriter output, TextWriter error)
    {
        if (!SlugPattern().IsMatch(slug))
        {
            error.WriteLine($"“{slug}”不能用作网址名。只用小写英文字母、数字和连字符，例如 keep-exits-clear。");
            return 1;
        }
        var folder = kind switch { "guide" => "guides", "article" => "articles", _ => "" };
        var path = Path.Combine(contentDir, folder, slug + ".md");
        if (File.Exists(path))
        {
            error.WriteLine($"{path} 已经存在，没有覆盖。请换一个网址名。");
            return 1;
        }
        var date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var heading = title ?? kind switch { "guide" => "新指引", "article" => "新文章", _ => "新页面" };
        var lines = new List<string>
        {
            "---",
            // Quoted so that a title with a colon or a # is still valid YAML.
            $"title: \"{heading.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"",
            "summary: 用一句话说明这一页讲什么",
        };
        if (kind != "page") lines.Add($"date: {date}");
        lines.AddRange(["tags: []", "---", "", "在这里写正文。用 ## 写小标题；引用法条时写书名号加条号（例如 `《消防法》第十六条`，写正文时去掉反引号），生成时会自动变成链接。", ""]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join('\n', lines));
        output.WriteLine($"已创建 {path}");
        return 0;
    }
}
