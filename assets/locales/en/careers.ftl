# careers.ftl: texts of the careers screens (en).

