import sys

from plugins.read.cli import main
from plugins.read.schema import SchemaError

try:
    sys.exit(main())
except SchemaError as error:  # a broken schema file: one line, as for a broken record
    print(error, file=sys.stderr)
    sys.exit(1)
