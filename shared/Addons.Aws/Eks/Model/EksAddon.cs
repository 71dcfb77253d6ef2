namespace Addons.Aws.Eks.Model;

/// <summary>An installed add-on (DescribeAddon). Status: CREATING, ACTIVE, CREATE_FAILED, UPDATING, DELETING, DELETE_FAILED, DEGRADED, UPDATE_FAILED.</summary>
public sealed class EksAddon
{
    /// <summary>AddonName.</summary>
    public string AddonName { get; set; } = "";

    /// <summary>ClusterName.</summary>
    public string ClusterName { get; set; } = "";

    /// <summary>Status.</summary>
    public string Status { get; set; } = "";

    /// <summary>AddonVersion.</summary>
    public string AddonVersion { get; set; } = "";

    /// <summary>Health.</summary>
    public EksAddonHealth? Health { get; set; }

    /// <summary>AddonArn.</summary>
    public string AddonArn { get; set; } = "";

    /// <summary>CreatedAt.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>ModifiedAt.</summary>
    public DateTimeOffset? ModifiedAt { get; set; }
}
