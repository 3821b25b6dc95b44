using LmcBot.Core.Configuration;
using LmcBot.Testing;
using Microsoft.Extensions.Configuration;

namespace LmcBot.Core.Tests.Configuration;

public sealed class SettingsSecretsTests
{
    private const string Key = "Teams:AppPassword";

    [Fact]
    public void Refusal_SecretInASettingsFile_NamesTheFileAndTheEnvironmentVariable()
    {
        using var directory = new TempDirectory();
        var file = directory.File("appsettings.json");
        File.WriteAllText(file, """{"Teams":{"AppPassword":"committed-by-mistake"}}""");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

        var refusal = SettingsSecrets.Refusal(configuration, Key);

        Assert.Equal($"Teams:AppPassword must not be in a settings file ({file}): set the environment variable Teams__AppPassword or use user-secrets.", refusal);
    }

    [Fact]
    public void Refusal_SettingsFileOverriddenByTheEnvironment_IsNone()
    {
        using var directory = new TempDirectory();
        var file = directory.File("appsettings.Production.json");
        File.WriteAllText(file, """{"Teams":{"AppPassword":"old"}}""");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(file)
            .AddInMemoryCollection(new Dictionary<string, string?> { [Key] = "from-the-environment" })
            .Build();

        Assert.Null(SettingsSecrets.Refusal(configuration, Key));
    }

    [Fact]
    public void Refusal_EmptyPlaceholderInASettingsFile_IsNone()
    {
        using var directory = new TempDirectory();
        var file = directory.File("appsettings.json");
        File.WriteAllText(file, """{"Teams":{"AppPassword":""}}""");

        Assert.Null(SettingsSecrets.Refusal(new ConfigurationBuilder().AddJsonFile(file).Build(), Key));
    }

    [Fact]
    public void Refusal_UserSecretsFile_IsNone()
    {
        using var directory = new TempDirectory();
        var file = directory.File(SettingsSecrets.UserSecretsFileName);
        File.WriteAllText(file, """{"Teams":{"AppPassword":"kept-outside-the-repository"}}""");

        Assert.Null(SettingsSecrets.Refusal(new ConfigurationBuilder().AddJsonFile(file).Build(), Key));
    }

    [Fact]
    public void Refusal_NoSecret_IsNone()
    {
        Assert.Null(SettingsSecrets.Refusal(new ConfigurationBuilder().Build(), Key));
        Assert.Equal("Discord__BotToken", SettingsSecrets.EnvironmentVariable("Discord:BotToken"));
    }
}
