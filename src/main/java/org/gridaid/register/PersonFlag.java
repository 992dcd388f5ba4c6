package org.gridaid.register;

/** The vulnerable-people flags (特殊人群) of the register. */
public enum PersonFlag {
  ELDERLY_ALONE("独居老人"),
  LEFT_BEHIND_CHILD("留守儿童"),
  PREGNANT("孕产妇"),
  CHRONIC_ILLNESS("基础性病患者"),
  MENTAL_DISORDER("精神障碍"),
  MOBILITY_IMPAIRED("行动不便"),
  NO_SMARTPHONE("无智能手机");

  private final String label;

  PersonFlag(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
