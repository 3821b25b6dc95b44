using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using LmcBot.Core.Commands;

namespace LmcBot.Teams.Package;

/// <summary>
/// Writes the Teams app package for sideloading: a zip with <c>manifest.json</c> (schema 1.19,
/// one bot in personal, team and group-chat scopes, the command menu generated from the
/// <see cref="CommandCatalog"/>) and the two icons at the top level. For the CLI verb
/// <c>LmcBot teams package --app-id ID [--out PATH]</c>.
/// </summary>
public static partial class TeamsAppPackage
{
    public const string DefaultFileName = "lmcbot-teams-app.zip";
    public const string ManifestFileName = "manifest.json";
    public const string ColorIconFileName = "color.png";
    public const string OutlineIconFileName = "outline.png";

    /// <summary>Schema 1.19 limits on the bot's command menu.</summary>
    internal const int MaxCommands = 10, MaxCommandTitle = 32, MaxCommandDescription = 128;

    internal static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    /// <summary>
    /// Writes the package and says where on <paramref name="output"/>. Returns 0; 2 when an argument
    /// is wrong; 1 when the file cannot be written. Errors are written to <paramref name="output"/> too.
    /// </summary>
    /// <param name="appId">The Azure Bot's Microsoft App ID (a GUID): the app id and the bot id.</param>
    /// <param name="outPath">The zip to write, or a folder to write <see cref="DefaultFileName"/> into; null for the current folder.</param>
    /// <param name="version">The manifest version (semver, default 1.0.0): raise it for every new package, or Teams keeps the old one.</param>
    public static int Write(string appId, string? outPath, TextWriter output, string? version = null) =>
        Write(new TeamsAppPackageSettings(appId) { Version = version ?? "1.0.0" }, outPath, output);

    /// <inheritdoc cref="Write(string, string?, TextWriter, string?)"/>
    public static int Write(TeamsAppPackageSettings settings, string? outPath, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var problems = Problems(settings);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                output.WriteLine($"error: {problem}");
            return 2;
        }

        var path = Path.GetFullPath(
            string.IsNullOrWhiteSpace(outPath) ? DefaultFileName
            : Directory.Exists(outPath) ? Path.Combine(outPath, DefaultFileName)
            : outPath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Build(settings, CommandCatalog.Default));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"error: could not write {path}: {exception.Message}");
            return 1;
        }

        output.WriteLine($"Wrote {path} (manifest {TeamsManifest.ManifestVersion119}, version {settings.Version}, app id {settings.AppId}).");
        output.WriteLine("Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.");
        return 0;
    }

    /// <summary>The zip's bytes.</summary>
    internal static byte[] Build(TeamsAppPackageSettings settings, CommandCatalog catalog)
    {
        var (red, green, blue) = ParseColor(settings.AccentColor);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, ManifestFileName, JsonSerializer.SerializeToUtf8Bytes(Manifest(settings, catalog), TeamsManifestJsonContext.Default.TeamsManifest));
            Add(archive, ColorIconFileName, AppIcons.Color(red, green, blue));
            Add(archive, OutlineIconFileName, AppIcons.Outline());
        }
        return zip.ToArray();
    }

    internal static TeamsManifest Manifest(TeamsAppPackageSettings settings, CommandCatalog catalog) => new()
    {
        Version = settings.Version,
        Id = settings.AppId,
        Developer = new ManifestDeveloper(settings.DeveloperName, settings.WebsiteUrl, settings.PrivacyUrl, settings.TermsOfUseUrl),
        Name = new ManifestName(settings.ShortName, settings.FullName),
        Description = new ManifestDescription(settings.ShortDescription, settings.FullDescription),
        Icons = new ManifestIcons(ColorIconFileName, OutlineIconFileName),
        AccentColor = settings.AccentColor,
        Bots = [new ManifestBot(settings.AppId, BotScopes, [new ManifestCommandList(BotScopes, Commands(catalog))])],
    };

    /// <summary>
    /// The command menu: the catalog's top-level commands, public ones first, admin ones marked, at
    /// most ten. A group such as <c>kb</c> appears once; typed alone, the core lists its subcommands.
    /// </summary>
    internal static IReadOnlyList<ManifestCommand> Commands(CommandCatalog catalog) =>
        [.. catalog.Commands
            .OrderBy(command => command.AdminOnly)
            .Take(MaxCommands)
            .Select(command => new ManifestCommand(
                Shorten(command.Name, MaxCommandTitle),
                Shorten(AdminMarked(command), MaxCommandDescription)))];

    private static string AdminMarked(CommandDefinition command) =>
        command.AdminOnly && !command.Description.StartsWith("Admin", StringComparison.OrdinalIgnoreCase)
            ? $"Admin: {command.Description}"
            : command.Description;

    private static List<string> Problems(TeamsAppPackageSettings s)
    {
        var problems = new List<string>();
        if (!Guid.TryParse(s.AppId, out _))
            problems.Add($"--app-id must be the Azure Bot's Microsoft App ID, a GUID; got '{s.AppId}'.");
        if (!SemVer().IsMatch(s.Version))
            problems.Add($"the version must be semver (1.2.3); got '{s.Version}'.");
        Limit(problems, "the short name", s.ShortName, 30);
        Limit(problems, "the full name", s.FullName, 100);
        Limit(problems, "the short description", s.ShortDescription, 80);
        Limit(problems, "the full description", s.FullDescription, 4000);
        Limit(problems, "the developer name", s.DeveloperName, 32);
        foreach (var (name, url) in new[] { ("website", s.WebsiteUrl), ("privacy", s.PrivacyUrl), ("terms of use", s.TermsOfUseUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                problems.Add($"the {name} URL must be an https URL; got '{url}'.");
        }
        if (!AccentColorPattern().IsMatch(s.AccentColor))
            problems.Add($"the accent color must be #RRGGBB; got '{s.AccentColor}'.");
        return problems;
    }

    private static void Limit(List<string> problems, string what, string value, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
            problems.Add($"{what} must have 1 to {max} characters; got {value?.Length ?? 0}.");
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static (byte Red, byte Green, byte Blue) ParseColor(string color) => (
        byte.Parse(color.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(color.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(color.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        // A fixed time keeps the zip byte-for-byte reproducible.
        entry.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(content);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex AccentColorPattern();
}
