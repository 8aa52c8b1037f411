# teacher.ftl: texts of the teacher screens (fr).

