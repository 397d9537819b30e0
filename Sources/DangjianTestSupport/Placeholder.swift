import Dangjian
