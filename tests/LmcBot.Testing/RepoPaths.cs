namespace LmcBot.Testing;

/// <summary>Where the repository and its knowledge are, from any test's output folder. Tests read nothing outside the repository.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LmcBot.sln")))
                return dir.FullName;
        throw new InvalidOperationException("LmcBot.sln not found above " + AppContext.BaseDirectory);
    }
}
