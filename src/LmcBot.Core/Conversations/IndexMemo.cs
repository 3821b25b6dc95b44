using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LmcBot.Core.Answering;

namespace LmcBot.Core.Conversations;

/// <summary>
/// Results that are a pure function of a question and one knowledge index (how a question is read, which choices it
/// offers), remembered per index as the router remembers answers: an index is never changed, and every change to the
/// knowledge builds a new one, whose memo starts empty (the old one goes with its index). Bounded: a full memo starts
/// again empty.
/// </summary>
internal sealed class IndexMemo<T>(int capacity)
{
    private readonly ConditionalWeakTable<KnowledgeIndex, ConcurrentDictionary<string, T>> _byIndex = [];

    public T GetOrAdd(KnowledgeIndex index, string question, Func<string, T> compute)
    {
        var memo = _byIndex.GetValue(index, _ => new ConcurrentDictionary<string, T>(StringComparer.Ordinal));
        if (memo.TryGetValue(question, out var value)) return value;
        value = compute(question);
        if (memo.Count >= capacity) memo.Clear();
        memo.TryAdd(question, value);
        return value;
    }
}
