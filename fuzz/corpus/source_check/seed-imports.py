import math
import os
from random import randint
