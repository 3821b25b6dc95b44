using LmcBot.Core.Answering;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Tests.Answering.Stages;

/// <summary>A hand-built index of a few facts, for testing one answering stage at a time.</summary>
internal static class TinyIndex
{
    public static KnowledgeIndex Build()
    {
        var document = new KnowledgeDocument
        {
            Id = "tiny", Title = "Tiny", Grade = SourceGrade.Official,
            Body = "# Tiny\n\nThe Mekong Express railway opened on 3 May 2020. Trade between Alpha and Beta reached USD 5 billion in 2021. Trade between Alpha and Beta reached USD 7 billion in 2023. The first Alpha-Beta foreign ministers' meeting was held in Alpha on 4 June 2019. The second Alpha-Beta foreign ministers' meeting was held in Beta on 9 May 2022. The first Alpha-Beta leaders' meeting was held in Beta on 1 March 2020.\n",
        };
        Fact F(string id, string kind, string statement, string quote, params (string Field, string Value)[] fields)
        {
            var fact = new Fact { Id = id, Kind = kind, Statement = statement, DocumentId = "tiny", Quote = quote };
            foreach (var (field, value) in fields) fact.Fields[field] = [value];
            return fact;
        }
        var facts = new List<Fact>
        {
            F("express-opened", FactKind.Route, "The Mekong Express railway opened on 3 May 2020.", "The Mekong Express railway opened on 3 May 2020.",
                ("name", "Mekong Express"), ("opened", "2020-05-03")),
            F("trade-2021", FactKind.Figure, "Trade between Alpha and Beta reached USD 5 billion in 2021.", "Trade between Alpha and Beta reached USD 5 billion in 2021.",
                ("metric", "alpha-beta-trade"), ("value", "5"), ("unit", "USD billion"), ("date", "2021"), ("subject", "Alpha")),
            F("trade-2023", FactKind.Figure, "Trade between Alpha and Beta reached USD 7 billion in 2023.", "Trade between Alpha and Beta reached USD 7 billion in 2023.",
                ("metric", "alpha-beta-trade"), ("value", "7"), ("unit", "USD billion"), ("date", "2023"), ("subject", "Alpha")),
            F("council-1", FactKind.Meeting, "The first Alpha-Beta foreign ministers' meeting was held in Alpha on 4 June 2019.", "The first Alpha-Beta foreign ministers' meeting was held in Alpha on 4 June 2019.",
                ("name", "1st Alpha-Beta Foreign Ministers' Meeting"), ("type", "foreign ministers' meeting"), ("number", "1"), ("date", "2019-06-04"), ("place", "Alpha")),
            F("council-2", FactKind.Meeting, "The second Alpha-Beta foreign ministers' meeting was held in Beta on 9 May 2022.", "The second Alpha-Beta foreign ministers' meeting was held in Beta on 9 May 2022.",
                ("name", "2nd Alpha-Beta Foreign Ministers' Meeting"), ("type", "foreign ministers' meeting"), ("number", "2"), ("date", "2022-05-09"), ("place", "Beta")),
            F("summit-1", FactKind.Meeting, "The first Alpha-Beta leaders' meeting was held in Beta on 1 March 2020.", "The first Alpha-Beta leaders' meeting was held in Beta on 1 March 2020.",
                ("name", "1st Alpha-Beta Leaders' Meeting"), ("type", "leaders' meeting"), ("number", "1"), ("date", "2020-03-01"), ("place", "Beta")),
        };
        var entities = new List<Entity>
        {
            new() { Name = "Mekong Express", Type = "route", Aliases = ["湄公快车", "Mekong Exp"] },
            new() { Name = "Alpha", Type = "country", Aliases = ["阿尔法"] },
            new() { Name = "Beta", Type = "country" },
        };
        var sentences = SentenceRecord.FromDocument(document);
        return KnowledgeIndex.Build(new KnowledgeContent(facts, [document], sentences, entities));
    }
}
