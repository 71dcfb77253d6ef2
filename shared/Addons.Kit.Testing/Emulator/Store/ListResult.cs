namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>One page of a list: items, the list resourceVersion, and the token for the next page.</summary>
internal sealed record ListResult(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);
