using System.Text.RegularExpressions;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Site;

public class ReadmeTests
{
    /// <summary>
    /// Every path named in the README's layout tour exists, so the tour cannot drift from the tree.
    /// Nesting is by two-space indentation; "a, b" names several entries of one folder.
    /// </summary>
    [Fact]
    public void The_layout_tour_matches_the_tree()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var block = Regex.Match(readme, "## Layout\\s+```\\n(?<tree>.*?)```", RegexOptions.Singleline).Groups["tree"].Value;
        Assert.NotEmpty(block);
        var parents = new List<string>();
        var missing = new List<string>();
        var checkedCount = 0;
        foreach (var line in block.Split('\n').Where(l => l.Trim().Length > 0))
        {
            var depth = (line.Length - line.TrimStart().Length) / 2;
            var names = Regex.Match(line.Trim(), @"^(?<names>[^\s,]+(?:,\s[^\s,]+)*)").Groups["names"].Value.Split(", ");
            if (depth > parents.Count) throw new InvalidOperationException("README layout indents too far: " + line);
            parents = parents.Take(depth).ToList();
            foreach (var name in names)
            {
                var path = Path.Combine([RepoPaths.Root, .. parents, name.TrimEnd('/')]);
                checkedCount++;
                if (!File.Exists(path) && !Directory.Exists(path)) missing.Add(string.Join('/', [.. parents, name]));
            }
            if (names.Length == 1 && names[0].EndsWith('/')) parents.Add(names[0].TrimEnd('/'));
        }
        Assert.True(checkedCount > 30, $"only {checkedCount} entries parsed");
        Assert.Empty(missing);
    }
}
