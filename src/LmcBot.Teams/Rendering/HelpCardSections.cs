using LmcBot.Core.Chat;
using LmcBot.Core.Commands;

namespace LmcBot.Teams.Rendering;

/// <summary>
/// The command list of the help card, generated from the catalog: each command with its
/// examples as buttons; admin commands listed and marked, without buttons.
/// </summary>
internal static class HelpCardSections
{
    public static IReadOnlyList<CardElement> From(CommandCatalog catalog)
    {
        var sections = new List<CardElement>
        {
            new TextBlock("Commands") { Weight = "Bolder", Separator = true, Spacing = "medium" },
        };
        var adminFacts = new List<Fact>();
        foreach (var (path, command) in Leaves(catalog))
        {
            if (command.AdminOnly)
            {
                adminFacts.Add(new Fact(path, $"{command.Description} · admin"));
                continue;
            }
            var row = new List<CardElement> { new TextBlock($"**{path}** · {command.Description}") };
            if (command.Examples.Count > 0)
                row.Add(new ActionSet([.. command.Examples.Select(Button)]));
            sections.Add(new Container(row) { Spacing = "small" });
        }
        if (adminFacts.Count > 0)
        {
            sections.Add(new TextBlock("Admin commands (admins only)") { Weight = "Bolder", Spacing = "medium" });
            sections.Add(new FactSet(adminFacts));
        }
        return sections;
    }

    /// <summary>Up to three things to try, for the welcome card: examples of the catalog's first public commands, then help.</summary>
    public static IReadOnlyList<FollowUp> Suggestions(CommandCatalog catalog)
    {
        var suggestions = Leaves(catalog)
            .Where(leaf => !leaf.Command.AdminOnly && leaf.Path is not ("help" or "about") && leaf.Command.Examples.Count > 0)
            .Select(leaf => FollowUp.Ask(leaf.Command.Examples[0]))
            .Take(2)
            .ToList();
        if (catalog.Find("help") is not null)
            suggestions.Add(FollowUp.Ask("help"));
        return suggestions;
    }

    /// <summary>Leaves with admin-only inherited from their group (which <see cref="CommandCatalog.Find"/> applies).</summary>
    private static IEnumerable<(string Path, CommandDefinition Command)> Leaves(CommandCatalog catalog) =>
        catalog.Leaves().Select(leaf => (leaf.Path, catalog.Find(leaf.Path) ?? leaf.Command));

    private static SubmitAction Button(string example) => new(CardText.Cut(example, 60), new SubmitData(example));
}
