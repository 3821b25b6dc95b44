namespace LmcBot.Hosting;

/// <summary>
/// Finds the folder that holds <c>appsettings.json</c> and <c>knowledge/</c>: the repository root when run
/// from source (whatever the working directory), the app folder when published.
/// </summary>
public static class ContentRoot
{
    /// <summary>Environment variable that names the content root explicitly.</summary>
    public const string EnvironmentVariable = "LMCBOT_CONTENT_ROOT";

    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } explicitRoot)
            return Path.GetFullPath(explicitRoot);
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "knowledge")))
                    return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
