using LmcBot.Core.Commands;
using NetArchTest.Rules;

namespace LmcBot.Core.Tests.Architecture;

/// <summary>
/// The core's folders depend on each other one way, from the router down to the text utilities. A new dependency
/// against that direction (which is how a cycle starts) fails here with the types that make it.
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>
    /// Each folder (namespace under LmcBot.Core; Answering's sub-folders count as one) and the folders it may use.
    /// Read from the top: the catalog and router use everything; the neutral chat types and text folding use nothing.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Commands"] = ["Conversations", "Admin", "Answering", "Knowledge", "Embedding", "Chat", "Text"],
        ["Conversations"] = ["Admin", "Answering", "Knowledge", "Embedding", "Chat", "Text"],
        ["Admin"] = ["Answering", "Knowledge", "Embedding", "Chat", "Text"],
        ["Answering"] = ["Knowledge", "Embedding", "Chat", "Text"],
        ["Knowledge"] = ["Embedding", "Chat", "Text"],
        ["Embedding"] = ["Chat", "Text"],
        ["Chat"] = ["Text"],
        ["Text"] = [],
        ["Http"] = [],
        ["Configuration"] = [],
    };

    public static TheoryData<string, string> ForbiddenPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (from, allowed) in Allowed)
            foreach (var to in Allowed.Keys.Where(to => to != from && !allowed.Contains(to)))
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(ForbiddenPairs))]
    public void AFolder_DoesNotDependOnAFolderAboveIt(string from, string to)
    {
        var failing = Failing(from, to).Select(TopLevelName).Distinct().ToList();

        Assert.True(failing.Count == 0,
            $"{from} may not depend on {to} (allowed: {string.Join(", ", Allowed[from])}); these types do: {string.Join(", ", failing)}. "
            + "Move the shared piece down to a folder both may use, or invert the dependency; docs/CONTRIBUTING.md has the rule.");
    }

    /// <summary>The check sees dependencies that do exist, so an empty result above means none, not a check that finds nothing.</summary>
    [Fact]
    public void TheCheck_FindsTheDependenciesThatExist()
    {
        Assert.Contains("KnowledgeStore", Failing("Knowledge", "Embedding").Select(TopLevelName));
        Assert.Contains("KnowledgeBase", Failing("Answering", "Knowledge").Select(TopLevelName));
    }

    [Fact]
    public void TheAllowedDirections_FormNoCycle()
    {
        var placed = new List<string>();
        var remaining = Allowed.Keys.ToHashSet();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(folder => Allowed[folder].All(placed.Contains));
            Assert.True(next is not null, $"The allowed dependencies among {string.Join(", ", remaining)} form a cycle.");
            placed.Add(next!);
            remaining.Remove(next!);
        }
    }

    [Fact]
    public void EveryFolderOfTheCore_HasItsDirections()
    {
        var folders = typeof(CommandCatalog).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith("LmcBot.Core.", StringComparison.Ordinal))
            .Select(ns => ns["LmcBot.Core.".Length..].Split('.')[0])
            .Distinct()
            .Order();

        Assert.All(folders, folder => Assert.True(Allowed.ContainsKey(folder), $"LmcBot.Core.{folder} is a new folder: add its allowed dependencies to Allowed."));
    }

    private static List<string> Failing(string from, string to)
    {
        var result = Types.InAssembly(typeof(CommandCatalog).Assembly)
            .That().ResideInNamespace($"LmcBot.Core.{from}")
            .ShouldNot().HaveDependencyOn($"LmcBot.Core.{to}")
            .GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames ?? []];
    }

    /// <summary><c>LmcBot.Core.Knowledge.KnowledgeStore+&lt;&gt;c</c> is <c>KnowledgeStore</c>.</summary>
    private static string TopLevelName(string fullName)
    {
        var name = fullName[(fullName.LastIndexOf('.') + 1)..];
        var nested = name.IndexOfAny(['+', '/', '`']);
        return nested < 0 ? name : name[..nested];
    }
}
