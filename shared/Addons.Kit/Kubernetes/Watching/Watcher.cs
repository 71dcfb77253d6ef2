using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.LeaderElection;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Addons.Kit.Kubernetes.Watching;

/// <summary>
/// List-then-watch that never leaves a silent gap: keeps a <see cref="Store{T}"/> current and yields every change.
/// </summary>
/// <remarks>
/// <para>Guarantees: the initial list is paged; the watch starts from the list's resourceVersion with bookmarks and
/// a randomized server timeout (5–10 min); a stream that ends is resumed from the last resourceVersion seen (event
/// or bookmark), so no event is lost or repeated; 410 Gone relists and yields the differences, including
/// Deleted for objects that vanished meanwhile; any other error waits (exponential backoff with jitter, 800 ms →
/// 30 s, reset after 2 healthy minutes; 429 waits the server's Retry-After, capped at the backoff's maximum) and resumes or relists.</para>
/// <para>Every change is applied to <see cref="Store"/> before it is yielded. Cancellation is observed at every await;
/// the enumeration then ends with <see cref="OperationCanceledException"/>.</para>
/// <para>Caveat: one enumeration at a time per watcher (the store is shared).</para>
/// </remarks>
public sealed partial class Watcher<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan ShortWatch = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StallGrace = TimeSpan.FromSeconds(30);
    private readonly ResourceClient<T> client;
    private readonly WatcherOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly Backoff backoff;

    /// <summary>Creates a watcher; nothing happens until <see cref="RunAsync"/> is enumerated.</summary>
    public Watcher(ResourceClient<T> client, WatcherOptions? options = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client;
        this.options = options ?? new WatcherOptions();
        this.logger = logger ?? NullLogger.Instance;
        time = timeProvider ?? TimeProvider.System;
        backoff = new Backoff(this.options.Backoff, time);
    }

    /// <summary>The cache this watcher keeps current.</summary>
    public Store<T> Store { get; } = new();

    /// <summary>The resourceVersion the next watch resumes from (the last event or bookmark seen).</summary>
    public string? ResourceVersion { get; private set; }

    /// <summary>Lists, then watches until cancelled, yielding each change after applying it to <see cref="Store"/>.</summary>
    public async IAsyncEnumerable<WatcherEvent<T>> RunAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var needList = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (needList)
            {
                List<WatcherEvent<T>> changes;
                try
                {
                    changes = await RelistAsync(cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsRetryable(e))
                {
                    await DelayAfterAsync(e, cancellationToken);
                    continue;
                }

                foreach (var change in changes)
                {
                    yield return change;
                }

                Store.MarkSynced();
                needList = false;
            }

            var outcome = new WatchOutcome();
            await foreach (var change in WatchOnceAsync(outcome, cancellationToken))
            {
                yield return change;
            }

            if (outcome.Gone)
            {
                Log.Gone(logger, client.Type.Plural, ResourceVersion);
                needList = true;
            }
            else if (outcome.Failure is { } failure)
            {
                await DelayAfterAsync(failure, cancellationToken);
            }
            else
            {
                Log.Ended(logger, client.Type.Plural, ResourceVersion);
            }
        }
    }

    private async Task<List<WatcherEvent<T>>> RelistAsync(CancellationToken cancellationToken)
    {
        var list = await client.ListAsync(options.Namespace, new ListOptions
        {
            LabelSelector = options.LabelSelector,
            FieldSelector = options.FieldSelector,
            PageSize = options.PageSize,
        }, cancellationToken);
        Log.Listed(logger, list.Items.Count, client.Type.Plural, list.ResourceVersion);
        ResourceVersion = list.ResourceVersion;
        return Store.Replace(options.Transform is null ? list.Items : [.. list.Items.Select(Prepare)]);
    }

    /// <summary>One watch request; errors are reported through <paramref name="outcome"/> because C# cannot yield inside a catch-guarded try.</summary>
    private async IAsyncEnumerable<WatcherEvent<T>> WatchOnceAsync(WatchOutcome outcome, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var timeout = options.MinWatchTimeout * (1 + Random.Shared.NextDouble());
        var started = time.GetUtcNow();
        var received = 0;

        // The server ends the stream at `timeout`; a stream still open well after that is stalled (half-open
        // connection, hung proxy) and is abandoned, so a dead connection cannot become a silent gap.
        using var stalled = new CancellationTokenSource(timeout + StallGrace, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stalled.Token);
        await using var events = client.WatchAsync(options.Namespace, new WatchOptions
        {
            ResourceVersion = ResourceVersion,
            LabelSelector = options.LabelSelector,
            FieldSelector = options.FieldSelector,
            AllowBookmarks = true,
            Timeout = timeout,
        }, bounded.Token).GetAsyncEnumerator(bounded.Token);
        while (true)
        {
            WatchEvent<T> evt;
            try
            {
                if (!await events.MoveNextAsync())
                {
                    break;
                }

                evt = events.Current;
            }
            catch (OperationCanceledException e) when (stalled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                outcome.Failure = new TimeoutException($"watch of {client.Type.Plural} stalled past its {timeout.TotalSeconds:0}s server timeout", e);
                yield break;
            }
            catch (KubeApiException e) when (e.IsGone)
            {
                outcome.Gone = true;
                yield break;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsRetryable(e))
            {
                outcome.Failure = e;
                yield break;
            }

            received++;
            if (evt.ResourceVersion.Length > 0)
            {
                ResourceVersion = evt.ResourceVersion;
            }

            if (Apply(evt) is { } change)
            {
                yield return change;
            }
        }

        if (received == 0 && time.GetUtcNow() - started < ShortWatch)
        {
            // A stream that closes at once without events is a server problem; back off instead of spinning.
            outcome.Failure = new IOException($"watch of {client.Type.Plural} closed immediately without events");
        }
    }

    private WatcherEvent<T>? Apply(WatchEvent<T> evt)
    {
        switch (evt.Type)
        {
            case WatchEventType.Added or WatchEventType.Modified when evt.Object is { } received:
                var obj = Prepare(received);
                var previous = Store.Set(obj);
                if (previous is not null && previous.Metadata?.ResourceVersion == obj.Metadata?.ResourceVersion)
                {
                    return null;
                }

                return new WatcherEvent<T>(previous is null ? WatchEventType.Added : WatchEventType.Modified, obj, previous);
            case WatchEventType.Deleted when evt.Object is { } gone:
                var removed = Store.Remove(gone);
                return removed is null ? null : new WatcherEvent<T>(WatchEventType.Deleted, gone, null);
            default:
                return null;
        }
    }

    private T Prepare(T obj) => options.Transform is { } transform ? (T)transform(obj) : obj;

    private async Task DelayAfterAsync(Exception failure, CancellationToken cancellationToken)
    {
        var delay = backoff.Next();
        if (failure is KubeApiException { IsTooManyRequests: true, RetryAfter: { } retryAfter } && retryAfter > TimeSpan.Zero)
        {
            // Honoured up to the backoff's own ceiling: a server (or proxy) asking for days would otherwise
            // leave the cache stale that long — or, past Task.Delay's range, kill the watch.
            delay = retryAfter < options.Backoff.Max ? retryAfter : options.Backoff.Max;
        }

        // Start the timer before logging, so whoever reacts to the log line (a test's fake clock) finds it armed.
        var wait = Task.Delay(delay, time, cancellationToken);
        if (failure is KubeApiException or KubeResponseException or KubeCredentialException or HttpRequestException or TimeoutException or IOException)
        {
            Log.FailedExpected(logger, client.Type.Plural, failure.Message.ReplaceLineEndings(" "), delay);
        }
        else
        {
            Log.Failed(logger, failure, client.Type.Plural, delay);
        }
        await wait;
    }

    // Everything but a broken configuration or a programming error is worth retrying; cancellation is checked separately.
    private static bool IsRetryable(Exception e) => e is not (KubeConfigException or ArgumentException);

    private sealed class WatchOutcome
    {
        public bool Gone { get; set; }

        public Exception? Failure { get; set; }
    }
}
