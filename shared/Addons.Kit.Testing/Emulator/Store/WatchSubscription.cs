using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>
/// A live watch: the store pushes matching events into an unbounded channel under its lock (so event
/// order equals resourceVersion order and writers never block on slow readers); the HTTP layer drains it.
/// </summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Action<WatchSubscription> _remove;

    public WatchSubscription(string storageKey, string? ns, Func<JsonObject, bool> filter, Action<WatchSubscription> remove)
    {
        StorageKey = storageKey;
        Namespace = ns;
        Filter = filter;
        _remove = remove;
    }

    public string StorageKey { get; }

    public string? Namespace { get; }

    public Func<JsonObject, bool> Filter { get; }

    public Channel<WatchEvent> Events { get; } = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Maps a store change to what this watcher sees (or null when it sees nothing).</summary>
    public WatchEvent? Translate(WatchEvent change)
    {
        if (change.Object.StorageKey != StorageKey || (Namespace is not null && change.Object.Namespace != Namespace))
        {
            return null;
        }

        var now = Filter(change.Object.Object);
        if (change.Type != WatchEvent.Modified)
        {
            return now ? change : null;
        }

        var before = change.Previous is not null && Filter(change.Previous.Object);
        return (before, now) switch
        {
            (true, true) => change,
            (false, true) => change with { Type = WatchEvent.Added },
            (true, false) => change with { Type = WatchEvent.Deleted },
            _ => null,
        };
    }

    public void Dispose()
    {
        _remove(this);
        Events.Writer.TryComplete();
    }
}
