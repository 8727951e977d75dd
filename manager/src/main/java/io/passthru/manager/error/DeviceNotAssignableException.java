package io.passthru.manager.error;

/**
 * A host PCI device cannot be given to the guest as asked, by the rules of device assignment through VFIO: its IOMMU
 * group holds other endpoints that do not go to the same guest (kernel Documentation/driver-api/vfio.rst, "Groups,
 * Devices, and IOMMUs": a group is the unit of ownership), a PF whose VFs are in use or a VF whose PF is passed
 * through (SR-IOV PF/VF exclusivity, OpenStack Nova "PCI passthrough"), or another domain holds it. Thrown before
 * libvirt is asked to change anything; the message names the devices involved and the fix.
 */
public class DeviceNotAssignableException extends InvalidRequestException {
    /** @param message the problem, the devices involved and the fix */
    public DeviceNotAssignableException(String message) {
        super(message);
    }
}
