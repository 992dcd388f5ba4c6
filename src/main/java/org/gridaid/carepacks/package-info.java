/**
 * Care-pack campaigns (暖心包 / 生活物资包 / 早餐包 发放): a street office or the district command
 * sends packs to every household of some grids; what a household gets comes from the DMN table
 * care-pack-contents, the stock from the {@code supplies} ledger, the households from the
 * {@code register}; each grid prepares, delivers door to door and follows up in parallel, and
 * every household's outcome is a row of this module's tables, not a process instance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care packs")
package org.gridaid.carepacks;
