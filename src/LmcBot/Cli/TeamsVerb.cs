using System.CommandLine;
using LmcBot.Teams.Package;

namespace LmcBot.Cli;

/// <summary><c>LmcBot teams package --app-id ID [--out PATH]</c>: writes the Teams app package for sideloading.</summary>
internal static class TeamsVerb
{
    public static Command Create(TextWriter output)
    {
        var appId = new Option<string>("--app-id") { Description = "The bot's Microsoft App ID (a GUID)", Required = true };
        var outPath = new Option<string?>("--out") { Description = "Where to write the zip (default: lmcbot-teams.zip)" };
        var version = new Option<string?>("--version") { Description = "Manifest version (semver), bumped on every manifest change" };
        var package = new Command("package", "Write the Teams app package: manifest.json (schema 1.19, commands from the catalog) and icons");
        package.Options.Add(appId);
        package.Options.Add(outPath);
        package.Options.Add(version);
        package.SetAction(parse => TeamsAppPackage.Write(parse.GetValue(appId)!, parse.GetValue(outPath), output, parse.GetValue(version)));
        var teams = new Command("teams", "Microsoft Teams administration");
        teams.Subcommands.Add(package);
        return teams;
    }
}
