import sys

from plugins.read.cli import main

sys.exit(main())
