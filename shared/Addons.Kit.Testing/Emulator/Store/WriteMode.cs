namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>Which part of an object a write may change.</summary>
internal enum WriteMode
{
    /// <summary>The main resource: status is kept from the stored object when the kind has a status subresource.</summary>
    Main,

    /// <summary>The <c>/status</c> subresource: only status changes.</summary>
    Status,

    /// <summary>Test seeding (<c>ApplyYamlAsync</c>): spec and status as given, like a controller writing both.</summary>
    Admin,
}
