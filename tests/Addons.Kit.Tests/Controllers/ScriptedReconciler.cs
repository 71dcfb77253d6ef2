using System.Collections.Concurrent;
using System.Threading.Channels;
using Addons.Kit.Controllers;

namespace Addons.Kit.Tests.Controllers;

/// <summary>A reconciler whose behaviour per call is a function the test supplies; it records every call.</summary>
internal sealed class ScriptedReconciler(Func<TestObject?, string, int, CancellationToken, Task<ReconcileResult>> behaviour) : IReconciler<TestObject>
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public Channel<(string Key, TestObject? Obj, bool Deleted)> Calls { get; } = Channel.CreateUnbounded<(string, TestObject?, bool)>();

    public int CallsFor(string key) => _calls.TryGetValue(key, out var n) ? n : 0;

    public Task<ReconcileResult> ReconcileAsync(TestObject obj, CancellationToken cancellationToken) =>
        RecordAsync(obj.Key, obj, deleted: false, cancellationToken);

    public Task<ReconcileResult> ReconcileDeletedAsync(ObjectKey key, TestObject? lastKnown, CancellationToken cancellationToken) =>
        RecordAsync(key.ToString(), lastKnown, deleted: true, cancellationToken);

    private async Task<ReconcileResult> RecordAsync(string key, TestObject? obj, bool deleted, CancellationToken cancellationToken)
    {
        var attempt = _calls.AddOrUpdate(key, 1, (_, n) => n + 1);
        Calls.Writer.TryWrite((key, obj, deleted));
        return await behaviour(deleted ? null : obj, key, attempt, cancellationToken);
    }
}
