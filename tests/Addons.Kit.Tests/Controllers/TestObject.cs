namespace Addons.Kit.Tests.Controllers;

/// <summary>A minimal watched object for controller tests.</summary>
internal sealed record TestObject(string Key, int Generation = 1);
