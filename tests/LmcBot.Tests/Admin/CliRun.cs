using LmcBot.Cli;
using LmcBot.Testing;

namespace LmcBot.Tests.Admin;

/// <summary>Runs <c>LmcBot …</c> in process against its own copy of a database, capturing exit code and output.</summary>
public sealed class CliRun : IDisposable
{
    private readonly TempDirectory _directory = new();

    public CliRun()
    {
        DatabasePath = _directory.File("lmcbot.db");
        File.Copy(AdminBot.TemplateDatabase, DatabasePath);
    }

    public string DatabasePath { get; }

    public string Directory => _directory.Path;

    public string PathOf(string name) => _directory.File(name);

    public sealed record Result(int Exit, string Output, string Error);

    /// <summary><c>LmcBot args… --db &lt;this database&gt;</c>, with <paramref name="input"/> as standard input.</summary>
    public async Task<Result> RunWithInputAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await LmcBotCli.RunAsync([.. args, "--db", DatabasePath], new StringReader(input), output, error);
        return new Result(exit, output.ToString(), error.ToString());
    }

    public Task<Result> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs a command that must succeed.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.Exit == LmcBotCli.Success, $"LmcBot {string.Join(' ', args)} exited {result.Exit}: {result.Error}{result.Output}");
        return result.Output;
    }

    public void Dispose() => _directory.Dispose();
}
