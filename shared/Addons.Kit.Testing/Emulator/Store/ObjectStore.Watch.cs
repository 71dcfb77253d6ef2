using System.Globalization;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>Watch registration, replay from history, bookmarks and the 410 window.</summary>
internal sealed partial class ObjectStore
{
    private readonly List<(int Count, TaskCompletionSource Reached)> _watchWaiters = [];

    /// <summary>
    /// Starts a watch. No resourceVersion (or "0"), or <paramref name="sendInitialEvents"/>, first
    /// delivers the current objects as ADDED; a resourceVersion replays later changes from history, or
    /// delivers one ERROR event (410 Expired) when that point has been compacted away — the real
    /// watch cache answers the same way (HTTP 200, then the ERROR event).
    /// </summary>
    public WatchSubscription Watch(ResourceKind kind, ListQuery query, string? resourceVersion, bool sendInitialEvents, bool bookmarks, bool forceGone)
    {
        lock (_gate)
        {
            var subscription = new WatchSubscription(kind.StorageKey, query.Namespace, query.Matches, Unsubscribe);
            var writer = subscription.Events.Writer;
            if (forceGone)
            {
                writer.TryWrite(ErrorEvent(ApiError.Gone("too old resource version: " + resourceVersion + " (forced by fault injection)")));
                writer.TryComplete();
                return subscription;
            }

            if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0" || sendInitialEvents)
            {
                foreach (var obj in ObjectsLocked(kind.StorageKey))
                {
                    if (subscription.Translate(new WatchEvent(WatchEvent.Added, obj, null)) is { } added)
                    {
                        writer.TryWrite(added);
                    }
                }

                if (sendInitialEvents && bookmarks)
                {
                    writer.TryWrite(BookmarkLocked(kind) with { InitialEventsEnd = true });
                }
            }
            else
            {
                if (!long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var from))
                {
                    throw ApiError.BadRequest($"invalid resource version \"{resourceVersion}\"");
                }

                if (from < _compactedResourceVersion)
                {
                    writer.TryWrite(ErrorEvent(ApiError.Gone($"too old resource version: {from} ({_compactedResourceVersion + 1})")));
                    writer.TryComplete();
                    return subscription;
                }

                foreach (var change in _history)
                {
                    if (change.ResourceVersion > from && subscription.Translate(change) is { } seen)
                    {
                        writer.TryWrite(seen);
                    }
                }
            }

            _subscriptions.Add(subscription);
            foreach (var waiter in _watchWaiters.Where(w => _subscriptions.Count >= w.Count).ToList())
            {
                _watchWaiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }

            return subscription;
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> watches are open (tests: "the client is now watching").</summary>
    public Task WaitForOpenWatchesAsync(int count, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_subscriptions.Count >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = (count, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _watchWaiters.Add(waiter);
            return waiter.Item2.Task.WaitAsync(ct);
        }
    }

    /// <summary>Queues a BOOKMARK at the current resourceVersion, behind every event already queued.</summary>
    public void Bookmark(WatchSubscription subscription, ResourceKind kind)
    {
        lock (_gate)
        {
            subscription.Events.Writer.TryWrite(BookmarkLocked(kind));
        }
    }

    /// <summary>Ends every open watch (fault injection, shutdown); clients see the stream close.</summary>
    public int CloseWatches()
    {
        List<WatchSubscription> open;
        lock (_gate)
        {
            open = [.. _subscriptions];
        }

        foreach (var subscription in open)
        {
            subscription.Events.Writer.TryComplete();
        }

        return open.Count;
    }

    public int OpenWatches
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    private WatchEvent BookmarkLocked(ResourceKind kind)
    {
        var obj = new JsonObject
        {
            ["kind"] = kind.Kind,
            ["apiVersion"] = kind.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture) },
        };
        return new WatchEvent(WatchEvent.Bookmark, new StoredObject(obj, _resourceVersion, kind.StorageKey, "", ""), null);
    }

    private static WatchEvent ErrorEvent(ApiError error) =>
        new(WatchEvent.Error, new StoredObject(error.ToStatus(), 0, "", "", ""), null);

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }
}
