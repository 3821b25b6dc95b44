namespace LmcBot.Hosting;

/// <summary>Configuration for every verb: appsettings.json at the content root, then environment variables, then command-line options.</summary>
public static class BotConfiguration
{
    public static IConfigurationRoot Build(string contentRoot, IDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(contentRoot)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        if (overrides is not null) builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }
}
