namespace PublicEdu.Tests.Support;

/// <summary>Paths inside this repository, found from the test assembly's location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Reference => Path.Combine(Root, "tests", "reference");

    public static string ThemeWwwroot => Path.Combine(Root, "site-theme", "wwwroot");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PublicEdu.sln"))) return dir.FullName;
        throw new InvalidOperationException("PublicEdu.sln not found above " + AppContext.BaseDirectory);
    }
}
