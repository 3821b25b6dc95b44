using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;
using LmcBot.Core.Commands;

namespace LmcBot.Teams.Rendering;

/// <summary>
/// The command list of the help card, from the help answer's commands (built once from the catalog): each
/// command with its examples as buttons; admin commands listed and marked, without buttons.
/// </summary>
internal static class HelpCardSections
{
    public static IReadOnlyList<CardElement> From(IReadOnlyList<CommandHelp> commands)
    {
        var sections = new List<CardElement>
        {
            new TextBlock("Commands") { Weight = "Bolder", Separator = true, Spacing = "medium" },
        };
        var adminFacts = new List<Fact>();
        foreach (var command in commands)
        {
            if (command.AdminOnly)
            {
                adminFacts.Add(new Fact(command.Path, $"{command.Description} · admin"));
                continue;
            }
            var row = new List<CardElement> { new TextBlock($"**{command.Path}** · {command.Description}") };
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
        var suggestions = catalog.Help
            .Where(command => !command.AdminOnly && command.Path is not ("help" or "about") && command.Examples.Count > 0)
            .Select(command => FollowUp.Ask(command.Examples[0]))
            .Take(2)
            .ToList();
        if (catalog.Find("help") is not null)
            suggestions.Add(FollowUp.Ask("help"));
        return suggestions;
    }

    private static SubmitAction Button(string example) => new(TextShortening.Shorten(example, 60), new SubmitData(example));
}
