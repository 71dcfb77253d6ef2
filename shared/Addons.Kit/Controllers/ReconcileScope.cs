using System.Collections;

namespace Addons.Kit.Controllers;

/// <summary>
/// The log scope of one reconcile: every line written during it carries <c>Controller</c>,
/// <c>ReconcileKey</c> (namespace/name) and <c>ReconcileId</c>.
/// </summary>
internal sealed class ReconcileScope(string controller, string key, string reconcileId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Controller", controller),
        1 => new("ReconcileKey", key),
        2 => new("ReconcileId", reconcileId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{controller} {key} {reconcileId}";
}
