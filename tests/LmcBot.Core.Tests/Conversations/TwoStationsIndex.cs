using LmcBot.Core.Answering;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Tests.Conversations;

/// <summary>A hand-built index in which "Gamma station" could mean either of the city's two stations, and little else.</summary>
internal static class TwoStationsIndex
{
    public const string East = "Gamma East Railway Station", North = "Gamma North Railway Station";

    public static KnowledgeIndex Build()
    {
        const string Passenger = "Passenger trains on the Delta Railway start from Gamma East station.";
        const string Freight = "Gamma North container station is where the Delta Railway's freight trains start.";
        const string Opened = "The Delta Railway between Gamma and Epsilon opened on 1 May 2021.";
        const string Trade = "Trade between Gamma and Epsilon reached USD 3 billion in 2022.";
        var document = new KnowledgeDocument
        {
            Id = "two-stations", Title = "Two stations", Grade = SourceGrade.Official,
            Body = $"# Two stations\n\n{Passenger} {Freight} {Opened} {Trade}\n",
        };
        Fact F(string id, string kind, string statement, (string Field, string Value)[] fields, params string[] about)
        {
            var fact = new Fact { Id = id, Kind = kind, Statement = statement, DocumentId = document.Id, Quote = statement, About = [.. about] };
            foreach (var (field, value) in fields) fact.Fields[field] = [value];
            return fact;
        }
        var facts = new List<Fact>
        {
            F("east-station", FactKind.Place, Passenger,
                [("name", East), ("type", "railway station"), ("location", "Gamma"), ("role", "starting station of passenger trains")], "Delta Railway"),
            F("north-station", FactKind.Place, Freight,
                [("name", North), ("type", "container station"), ("location", "Gamma"), ("role", "starting point of freight trains")], "Delta Railway"),
            F("delta-opened", FactKind.Route, Opened, [("name", "Delta Railway"), ("opened", "2021-05-01")]),
            F("trade-2022", FactKind.Figure, Trade,
                [("metric", "gamma-epsilon-trade"), ("value", "3"), ("unit", "USD billion"), ("date", "2022"), ("subject", "Gamma")]),
        };
        facts[2].Fields["stops"] = ["Gamma", "Epsilon"];
        var entities = new List<Entity>
        {
            new() { Name = "Gamma", Type = "city" },
            new() { Name = "Epsilon", Type = "city" },
            new() { Name = East, Type = "place", Aliases = ["Gamma East station", "Gamma East"] },
            new() { Name = North, Type = "place", Aliases = ["Gamma North station", "Gamma North"] },
            new() { Name = "Delta Railway", Type = "railway", Aliases = ["Delta line"] },
        };
        return KnowledgeIndex.Build(new KnowledgeContent(facts, [document], SentenceRecord.FromDocument(document), entities));
    }
}
