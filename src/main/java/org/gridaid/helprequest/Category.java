package org.gridaid.helprequest;

/** What a resident asks for; the triage table decides priority and deadlines from it. */
public enum Category {
  MEDICAL_EMERGENCY("医疗急症"),
  MEDICINE("药品需求"),
  LIVING_SUPPLIES("生活物资"),
  PERSON_ALONE("独居/独自在家人员照护"),
  DOOR_SAMPLING("上门核酸采样"),
  PSYCHOLOGICAL("心理支持"),
  QUESTION("政策咨询"),
  COMPLAINT("投诉"),
  OTHER("其他");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
