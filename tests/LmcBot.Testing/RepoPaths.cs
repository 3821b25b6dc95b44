namespace LmcBot.Testing;

/// <summary>Where the repository's knowledge and the shared evaluation files are, from any test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>The shared folder beside the repository (../shared), which holds the evaluation questions.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LmcBot.sln")))
                return dir.FullName;
        throw new InvalidOperationException("LmcBot.sln not found above " + AppContext.BaseDirectory);
    }
}
