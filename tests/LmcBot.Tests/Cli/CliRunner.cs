using LmcBot.Cli;
using LmcBot.Testing;

namespace LmcBot.Tests.Cli;

/// <summary>Runs the CLI in-process with its own database, capturing what it prints.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly TempDirectory _directory = new();

    public string DatabasePath => _directory.File("lmcbot.db");

    public string Directory => _directory.Path;

    public async Task<(int Exit, string Output, string Error)> RunWithInputAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var withDb = args.Contains("--db") ? args : [.. args, "--db", DatabasePath];
        var exit = await LmcBotCli.RunAsync(withDb, new StringReader(input), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public void Dispose() => _directory.Dispose();
}
