"""nbgrader configuration of the sttlab course; run every nbgrader command from this directory.

The course directory is this folder: ``source/<assignment>/<assignment>.ipynb`` are the
instructor versions, ``nbgrader generate_assignment`` writes the student versions to
``release/``, and ``submitted/``, ``autograded/``, ``feedback/`` and ``gradebook.db`` follow
(none of them is committed). ``README.md`` explains how to write an exercise; the book's
instructor guide, how to run a course with it.
"""

c = get_config()  # noqa: F821 (nbgrader provides get_config when it loads this file)

c.CourseDirectory.course_id = "sttlab"

# Grading runs the notebooks in the kernel that has sttlab installed.
c.ExecutePreprocessor.kernel_name = "python3"
# Per cell, in s. An infinite loop in a student's answer stops here, that cell scores zero and
# grading goes on. The slowest cell of an exercise takes a few seconds; the first call of the
# reference kernels in a hidden test compiles them with numba (about 10 s on 2 cores with no
# cache), and a shared hub may be several times slower.
c.ExecutePreprocessor.timeout = 60
