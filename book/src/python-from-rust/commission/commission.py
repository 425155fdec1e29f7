"""The commission: 50 cents a ream, a dollar a ream over target. Imports `targets`."""

import targets


def commission(name, reams):
    over = max(reams - targets.TARGET[name], 0)
    return reams * 0.50 + over * 1.00
