# careers.ftl: texts of the careers screens (fr).

