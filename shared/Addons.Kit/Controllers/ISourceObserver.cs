namespace Addons.Kit.Controllers;

/// <summary>Receives a source's changes, one at a time, after its cache holds the new state.</summary>
/// <typeparam name="T">The watched kind.</typeparam>
internal interface ISourceObserver<in T>
    where T : class
{
    /// <summary>An object appeared or changed.</summary>
    void OnUpserted(T obj);

    /// <summary>An object left the cache; <paramref name="lastKnown"/> is its last state.</summary>
    void OnDeleted(T lastKnown);
}
