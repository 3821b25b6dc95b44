using Microsoft.Extensions.Configuration;

namespace LmcBot.Core.Configuration;

/// <summary>
/// The one check that keeps secrets (a bot token, a client secret) out of settings files, which get committed and
/// copied: a secret may come from the environment, user-secrets or the command line, never from <c>appsettings*.json</c>
/// or any other settings file. Each adapter's options validator asks it for its own secret keys.
/// </summary>
public static class SettingsSecrets
{
    /// <summary>The file user-secrets keeps outside the project; a settings file by type, but not one that is committed.</summary>
    public const string UserSecretsFileName = "secrets.json";

    /// <summary>
    /// The settings file that supplies <paramref name="key"/>'s value (its full path where known), or null when the
    /// value is empty or comes from anywhere else. As in <see cref="IConfiguration"/> itself, the last source that has a
    /// value wins, so a settings file overridden by the environment is not reported.
    /// </summary>
    public static string? SettingsFileSupplying(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
            return null;
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out var value) || string.IsNullOrEmpty(value))
                continue;
            if (provider is not FileConfigurationProvider { Source.Path: { } path } file
                || string.Equals(Path.GetFileName(path), UserSecretsFileName, StringComparison.OrdinalIgnoreCase))
                return null;
            return file.Source.FileProvider?.GetFileInfo(path).PhysicalPath ?? path;
        }
        return null;
    }

    /// <summary>
    /// The validation failure for a secret <paramref name="key"/> found in a settings file, naming the file and the
    /// environment variable to use instead; null when the secret does not come from a settings file.
    /// </summary>
    public static string? Refusal(IConfiguration configuration, string key) =>
        SettingsFileSupplying(configuration, key) is { } file
            ? $"{key} must not be in a settings file ({file}): set the environment variable {EnvironmentVariable(key)} or use user-secrets."
            : null;

    /// <summary><c>Teams:AppPassword</c> as an environment variable: <c>Teams__AppPassword</c>.</summary>
    public static string EnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
