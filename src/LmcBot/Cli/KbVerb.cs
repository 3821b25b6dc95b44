using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using LmcBot.Admin;
using LmcBot.Core.Admin;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Core.Text;

namespace LmcBot.Cli;

/// <summary>
/// <c>LmcBot kb …</c>: the catalog's admin commands on the command line, run as the local admin through the same
/// <see cref="ChatBot"/> path as Discord and Teams. Options mirror the catalog's (<c>city_a</c> is <c>--city-a</c>,
/// <c>--city_a</c> works too); <c>kb import PATH</c> (or <c>--file PATH</c>) reads a local file and <c>kb export --out DIR</c> unpacks
/// the export into a folder. While a web host holds the database, the command runs in that host (its admin endpoint).
/// </summary>
internal static class KbVerb
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var group = CommandCatalog.Default.Find("kb") ?? throw new InvalidOperationException("The catalog has no kb command.");
        return Build(group, "kb", output, error);
    }

    private static Command Build(CommandDefinition definition, string path, TextWriter output, TextWriter error)
    {
        var command = new Command(definition.Name, definition.Description);
        if (definition.IsGroup)
        {
            foreach (var sub in definition.Subcommands)
                command.Subcommands.Add(Build(sub, $"{path} {sub.Name}", output, error));
            return command;
        }
        var options = definition.Options.Select(o => (Definition: o, Cli: CliOption(o))).ToList();
        foreach (var (_, cli) in options) command.Options.Add(cli);
        // kb import takes its file as an argument too (LmcBot kb import article.md), as git add or dotnet run do.
        var attachmentOption = options.FirstOrDefault(o => o.Definition.Type == CommandOptionType.Attachment);
        Argument<FileInfo?>? fileArgument = null;
        if (attachmentOption.Cli is not null)
        {
            fileArgument = new Argument<FileInfo?>(attachmentOption.Definition.Name)
            {
                Description = $"{attachmentOption.Definition.Description} (a local file path, at most 1 MB; the same as {attachmentOption.Cli.Name})",
                Arity = ArgumentArity.ZeroOrOne,
            };
            command.Arguments.Add(fileArgument);
        }
        Option<string>? outOption = null;
        if (path == "kb export")
        {
            outOption = new Option<string>("--out") { Description = "Folder to write the export into (new or empty)", Required = true };
            command.Options.Add(outOption);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            ChatAttachment? attachment = null;
            var positionalFile = fileArgument is null ? null : parse.GetValue(fileArgument);
            if (positionalFile is not null && parse.GetResult(attachmentOption.Cli!) is not null)
            {
                await error.WriteLineAsync($"error: give the file once, either as an argument or with {attachmentOption.Cli!.Name}");
                await error.WriteLineAsync($"usage: {LmcBotCli.Usage(command)}");
                return LmcBotCli.UsageError;
            }
            if (positionalFile is not null)
            {
                var (read, problem, exit) = await ReadFileAsync(positionalFile, cancellationToken);
                if (problem is not null)
                {
                    await error.WriteLineAsync($"error: {problem}");
                    return exit;
                }
                attachment = read;
            }
            foreach (var (definition, cli) in options)
            {
                if (parse.GetResult(cli) is null) continue;
                switch (cli)
                {
                    case Option<bool> flag:
                        values[definition.Name] = parse.GetValue(flag) ? "true" : "false";
                        break;
                    case Option<FileInfo?> file when definition.Type == CommandOptionType.Attachment:
                        var (read, problem, exit) = await ReadFileAsync(parse.GetValue(file)!, cancellationToken);
                        if (problem is not null)
                        {
                            await error.WriteLineAsync($"error: {problem}");
                            return exit;
                        }
                        attachment = read;
                        break;
                    case Option<string?> text when parse.GetValue(text) is { } value:
                        values[definition.Name] = value;
                        break;
                }
            }
            string? outFolder = null;
            if (outOption is not null)
            {
                outFolder = Path.GetFullPath(parse.GetValue(outOption)!);
                if (Directory.Exists(outFolder) && Directory.EnumerateFileSystemEntries(outFolder).Any())
                {
                    await error.WriteLineAsync($"error: {outFolder} is not empty; export into a new or empty folder.");
                    return LmcBotCli.Failure;
                }
            }

            using var context = LmcBotCli.CreateContext(parse, error);
            if (attachment is not null) context.Progress.Step($"importing {ControlCharacters.Escape(attachment.FileName)}");
            else if (outFolder is not null) context.Progress.Step("exporting the knowledge base");
            var answer = await context.RunAsync(AdminCall.ForCommand(path, values, attachment), cancellationToken);
            if (answer.IsError)
            {
                await error.WriteLineAsync(AnswerText.Render(answer));
                return answer.Failure == ErrorKind.Usage ? LmcBotCli.UsageError : LmcBotCli.Failure;
            }
            if (outFolder is not null && answer.File is { } export)
            {
                Directory.CreateDirectory(outFolder);
                using (var zip = new MemoryStream(export.Content))
                    await ZipFile.ExtractToDirectoryAsync(zip, outFolder, cancellationToken);
                answer = answer with
                {
                    File = null,
                    Text = answer.Text.Replace("Unzip it over a knowledge/ folder", $"Written to {outFolder}; copy it over a knowledge/ folder", StringComparison.Ordinal),
                };
            }
            await output.WriteLineAsync(AnswerText.Render(answer));
            return LmcBotCli.Success;
        });
        return command;
    }

    /// <summary>A catalog option as a CLI option: <c>city_a</c> becomes <c>--city-a</c> with <c>--city_a</c> as an alias.</summary>
    private static Option CliOption(CommandOption option)
    {
        var name = "--" + option.Name.Replace('_', '-');
        string[] aliases = option.Name.Contains('_', StringComparison.Ordinal) ? ["--" + option.Name] : [];
        Option cli = option.Type switch
        {
            CommandOptionType.Boolean => new Option<bool>(name, aliases),
            CommandOptionType.Attachment => new Option<FileInfo?>(name, aliases),
            // Numbers stay text here: the core validates every surface's values the same way.
            _ => new Option<string?>(name, aliases) { Required = option.Required },
        };
        cli.Description = option.Type == CommandOptionType.Attachment ? $"{option.Description} (a local file path, at most 1 MB)" : option.Description;
        return cli;
    }

    /// <summary>
    /// Reads a document for <c>kb import --file</c> with the same checks as an upload: size, UTF-8, not binary, not empty.
    /// At most the limit plus one byte is read, so a device or pipe that never ends (<c>/dev/zero</c>) is refused as too large.
    /// </summary>
    private static async Task<(ChatAttachment? Attachment, string? Problem, int Exit)> ReadFileAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var shown = ControlCharacters.Escape(file.FullName);
        if (Directory.Exists(file.FullName))
            return (null, $"{shown} is a directory; give the path of a .md or .txt file.", LmcBotCli.UsageError);
        if (!file.Exists) return (null, $"{shown} does not exist.", LmcBotCli.UsageError);
        var name = ControlCharacters.Escape(file.Name);
        if (file.Length > DocumentText.MaxBytes)
            return (null, string.Create(CultureInfo.InvariantCulture, $"{name} is {file.Length / 1024:N0} KB; the limit is 1 MB. Split it into smaller documents."), LmcBotCli.Failure);
        byte[] bytes;
        try
        {
            await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = new byte[DocumentText.MaxBytes + 1];
            var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            bytes = buffer.AsSpan(0, length).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"{shown} could not be read: {ControlCharacters.Escape(ex.Message)}", LmcBotCli.Failure);
        }
        if (bytes.Length > DocumentText.MaxBytes)
            return (null, $"{name} is larger than 1 MB (more than {DocumentText.MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes); the limit is 1 MB. Split it into smaller documents.", LmcBotCli.Failure);
        if (!DocumentText.TryDecode(name, bytes, out var text, out var problem))
            return (null, problem + " Nothing was imported.", LmcBotCli.Failure);
        var contentType = file.Extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) ? "text/plain" : "text/markdown";
        return (new ChatAttachment(file.Name, contentType, text), null, LmcBotCli.Success);
    }
}
