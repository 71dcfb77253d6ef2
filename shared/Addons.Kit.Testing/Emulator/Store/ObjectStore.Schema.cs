using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;
using Addons.Kit.Testing.Emulator.Schemas;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>
/// Custom resources with a schema: pruning (and <c>fieldValidation</c> Strict/Warn on the fields a client
/// newly sent that the schema does not declare), defaulting, then validation, as the real server does on
/// every create/update/patch. Seeding (<see cref="WriteMode.Admin"/>) is defaulted only, never pruned or rejected.
/// </summary>
internal sealed partial class ObjectStore
{
    private string? _fieldValidation;
    private List<string>? _fieldWarnings;

    /// <summary>Runs a client write under the request's <c>fieldValidation</c> (Strict, Warn, Ignore); warnings are added to <paramref name="warnings"/>.</summary>
    public T WithFieldValidation<T>(string? mode, List<string> warnings, Func<T> write)
    {
        lock (_gate)
        {
            _fieldValidation = mode;
            _fieldWarnings = warnings;
            try
            {
                return write();
            }
            finally
            {
                _fieldValidation = null;
                _fieldWarnings = null;
            }
        }
    }

    private void ApplySchemaLocked(ResourceKind kind, JsonObject next, JsonObject? old, WriteMode mode)
    {
        if (kind.Schema is not { } schema)
        {
            return;
        }

        if (mode != WriteMode.Admin)
        {
            // Undeclared fields the stored object already has (seeded) stay; only newly sent ones are pruned or refused.
            var known = old is null ? [] : StructuralSchema.Unknown(schema, old).Select(StructuralSchema.WithoutIndexes).ToHashSet(StringComparer.Ordinal);
            var fresh = StructuralSchema.Prune(schema, next, known);
            if (fresh.Count > 0 && _fieldValidation is "Strict")
            {
                throw ApiError.BadRequest($"{kind.Kind} in version \"{kind.Version}\" cannot be handled as a {kind.Kind}: strict decoding error: "
                    + string.Join(", ", fresh.Select(p => $"unknown field \"{p}\"")));
            }

            if (_fieldValidation is "Warn" or null)
            {
                _fieldWarnings?.AddRange(fresh.Select(p => $"unknown field \"{p}\""));
            }
        }

        StructuralSchema.Default(schema, next);
        if (mode == WriteMode.Admin)
        {
            return;
        }

        // Ratcheting (on by default since 1.30): a field an update leaves unchanged may stay invalid.
        var causes = SchemaValidator.Validate(schema, next).Where(c => old is null || !SchemaValue.Unchanged(old, next, c.Field)).ToList();
        if (causes.Count > 0)
        {
            throw ApiError.Invalid(kind, Meta.Name(next), causes);
        }
    }
}
