using Addons.Kit.Kubernetes.Helpers;
using k8s.Models;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class ConditionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Set_SameStatusNewReason_TransitionTimeKept()
    {
        var conditions = new List<V1Condition>();
        Conditions.Set(conditions, "Ready", ConditionStatus.False, "UpgradeInProgress", "step 1", 1, T0);

        var changed = Conditions.Set(conditions, "Ready", ConditionStatus.False, "UpgradeInProgress", "step 2", 2, T0.AddMinutes(5));

        var ready = Assert.Single(conditions);
        Assert.True(changed);
        Assert.Equal(T0.UtcDateTime, ready.LastTransitionTime);
        Assert.Equal("step 2", ready.Message);
        Assert.Equal(2, ready.ObservedGeneration);
    }

    [Fact]
    public void Set_StatusFlips_TransitionTimeMoves()
    {
        var conditions = new List<V1Condition>();
        Conditions.Set(conditions, "Ready", ConditionStatus.False, "UpgradeInProgress", null, 1, T0);

        Conditions.Set(conditions, "Ready", ConditionStatus.True, "UpgradeCompleted", "done", 1, T0.AddMinutes(30));

        Assert.Equal(T0.AddMinutes(30).UtcDateTime, conditions[0].LastTransitionTime);
        Assert.True(Conditions.IsTrue(conditions, "Ready"));
        Assert.True(Conditions.IsTrueFor(conditions, "Ready", 1));
        Assert.False(Conditions.IsTrueFor(conditions, "Ready", 2));
    }

    [Fact]
    public void Set_NothingDifferent_ReturnsFalse()
    {
        var conditions = new List<V1Condition>();
        Conditions.Set(conditions, "AWSAuthenticated", ConditionStatus.True, "IdentityVerified", "arn", 3, T0);

        Assert.False(Conditions.Set(conditions, "AWSAuthenticated", ConditionStatus.True, "IdentityVerified", "arn", 3, T0.AddHours(1)));
        Assert.Equal(T0.UtcDateTime, conditions[0].LastTransitionTime);
    }

    [Fact]
    public void Set_TwoTypesAndRemove_OneEntryPerType()
    {
        var conditions = new List<V1Condition>();
        Conditions.Set(conditions, "Ready", ConditionStatus.Unknown, "Pending", null, 1, T0);
        Conditions.Set(conditions, "AWSAuthenticated", ConditionStatus.False, "AuthenticationFailed", "denied", 1, T0);

        Assert.True(Conditions.Remove(conditions, "Ready"));
        Assert.False(Conditions.Remove(conditions, "Ready"));
        Assert.Equal("AWSAuthenticated", Assert.Single(conditions).Type);
    }

    [Fact]
    public void Set_InvalidStatus_ArgumentExceptionListsAccepted()
    {
        var error = Assert.Throws<ArgumentException>(() => Conditions.Set(new List<V1Condition>(), "Ready", "yes", "R", null, null, T0));

        Assert.StartsWith("condition status \"yes\" is invalid; accepted: True, False, Unknown", error.Message, StringComparison.Ordinal);
    }
}
