namespace LmcBot.Core.Conversations;

/// <summary>
/// A thread-safe map that holds at most <c>capacity</c> entries and forgets the least recently used one first.
/// Conversation contexts and pending choice and feedback tokens live in it, so memory stays bounded whatever users send.
/// </summary>
internal sealed class BoundedLru<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _byKey = [];
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _byKey.Count; }
    }

    public void Set(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_byKey.Remove(key, out var old)) _order.Remove(old);
            _byKey[key] = _order.AddFirst((key, value));
            while (_byKey.Count > capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _byKey.Remove(last.Value.Key);
            }
        }
    }

    /// <summary>The value, which becomes the most recently used; false when absent or forgotten.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    public bool Remove(TKey key)
    {
        lock (_lock)
        {
            if (!_byKey.Remove(key, out var node)) return false;
            _order.Remove(node);
            return true;
        }
    }
}
