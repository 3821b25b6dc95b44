using Microsoft.Extensions.Options;

namespace LmcBot.Core.Conversations;

/// <summary>
/// The context of every conversation, in memory: kept <see cref="ConversationOptions.ContextMinutes"/> after the last
/// answer, at most <see cref="ConversationOptions.MaxConversations"/> conversations (least recently used forgotten first).
/// </summary>
public sealed class ConversationContexts
{
    private readonly BoundedLru<ConversationKey, ConversationContext> _contexts;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public ConversationContexts(IOptions<ConversationOptions> options, TimeProvider time)
    {
        _contexts = new BoundedLru<ConversationKey, ConversationContext>(options.Value.MaxConversations);
        _lifetime = TimeSpan.FromMinutes(options.Value.ContextMinutes);
        _time = time;
    }

    public int Count => _contexts.Count;

    /// <summary>The conversation's context, or null when there is none or it has expired.</summary>
    public ConversationContext? Get(ConversationKey key)
    {
        if (!_contexts.TryGet(key, out var context)) return null;
        if (context.Expires > _time.GetUtcNow()) return context;
        _contexts.Remove(key);
        return null;
    }

    public void Set(ConversationKey key, ConversationContext context)
    {
        if (_lifetime <= TimeSpan.Zero) return;
        _contexts.Set(key, context with { Expires = _time.GetUtcNow() + _lifetime });
    }

    public void Forget(ConversationKey key) => _contexts.Remove(key);
}
