using LmcBot.Core.Knowledge;

namespace LmcBot.Testing;

/// <summary>Writes text straight into a database, bypassing the admin checks, as a database from before those checks may hold it.</summary>
public static class StoredText
{
    /// <summary>Sets fact <paramref name="factId"/>'s statement and records the change under the given user name and id.</summary>
    public static void SetStatement(string databasePath, string factId, string statement, string userName, string userId)
    {
        using var store = new KnowledgeStore(databasePath);
        store.Write(s =>
        {
            var fact = s.Facts.FindById(factId);
            var before = fact.Clone();
            fact.Statement = statement;
            s.Facts.Update(fact);
            s.Audit.Insert(new AuditEntry
            {
                At = s.Now, Platform = "Discord", UserId = userId, UserName = userName, Action = "edit", TargetType = "fact",
                TargetId = factId, FactBefore = before, FactAfter = fact, Note = "field statement",
            });
            return 0;
        });
    }
}
